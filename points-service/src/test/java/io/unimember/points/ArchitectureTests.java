package io.unimember.points;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.unimember.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.unimember.points");

    @Test
    void usesNoOtherServiceOnlyCommon() {
        ArchitectureRules.onlyCommonIsShared("io.unimember.points").check(classes);
    }

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        slices().matching("io.unimember.points.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheLedgerTouchesBalancesLotsAndEntries() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.unimember.points.ledger..")
                .should()
                .dependOnClassesThat(
                        resideInAPackage("io.unimember.points.ledger..").and(simpleNameEndingWith("Repository")))
                .because("balances, lots and entries change only through the Ledger facade, under the member's lock")
                .check(classes);
    }

    @Test
    void publishesEventsOnlyThroughTheOutbox() {
        ArchitectureRules.noDirectKafkaSends("io.unimember.points").check(classes);
    }
}
