package io.unimember.tier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.unimember.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.unimember.tier");

    @Test
    void usesNoOtherServiceOnlyCommon() {
        ArchitectureRules.onlyCommonIsShared("io.unimember.tier").check(classes);
    }

    @Test
    void publishesEventsOnlyThroughTheOutbox() {
        ArchitectureRules.noDirectKafkaSends("io.unimember.tier").check(classes);
    }

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        slices().matching("io.unimember.tier.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void evaluationIsPureRulesWithoutSpringOrADatabase() {
        classes()
                .that()
                .resideInAPackage("io.unimember.tier.evaluation..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "io.unimember.tier.evaluation..", "io.unimember.tier.tiers..", "java..", "org.jspecify..")
                .check(classes);
    }
}
