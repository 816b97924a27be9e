package io.unimember.tier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import io.unimember.testsupport.ServiceArchitectureTests;
import org.junit.jupiter.api.Test;

class ArchitectureTests extends ServiceArchitectureTests {

    ArchitectureTests() {
        super("io.unimember.tier");
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
