package io.unimember.points;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.unimember.testsupport.ServiceArchitectureTests;
import org.junit.jupiter.api.Test;

class ArchitectureTests extends ServiceArchitectureTests {

    ArchitectureTests() {
        super("io.unimember.points");
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
}
