package io.unimember.settlement;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.unimember.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.unimember.settlement");

    @Test
    void usesNoOtherServiceOnlyCommon() {
        ArchitectureRules.onlyCommonIsShared("io.unimember.settlement").check(classes);
    }

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        // the journal reaches periods through the PeriodLedger port it implements, not the other way round
        slices().matching("io.unimember.settlement.(*)..")
                .should()
                .beFreeOfCycles()
                .check(classes);
    }

    @Test
    void publishesEventsOnlyThroughTheOutbox() {
        ArchitectureRules.noDirectKafkaSends("io.unimember.settlement").check(classes);
    }
}
