package io.unimember.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/** Rules every service applies to its main classes; {@link ServiceArchitectureTests} runs the shared ones. */
public final class ArchitectureRules {

    private ArchitectureRules() {}

    /** A service uses its own packages and {@code io.unimember.common}, never another service's. */
    public static ArchRule onlyCommonIsShared(String servicePackage) {
        return noClasses()
                .that()
                .resideInAPackage(servicePackage + "..")
                .should()
                .dependOnClassesThat(resideInAPackage("io.unimember..")
                        .and(not(resideInAPackage(servicePackage + "..")))
                        .and(not(resideInAPackage("io.unimember.common.."))))
                .because("services learn about each other only from events; only common is shared");
    }

    /**
     * The feature packages ({@code io.unimember.points.ledger}, {@code .holds}, ...) depend on each other in one
     * direction only: a cycle means two features can no longer be read, changed or tested apart.
     */
    public static ArchRule featuresFreeOfCycles(String servicePackage) {
        return slices().matching(servicePackage + ".(*)..")
                .namingSlices("feature $1")
                .should()
                .beFreeOfCycles()
                .because("a feature that needs another reaches it through a facade or a port, never both ways");
    }

    /** Business code publishes through the outbox ({@code EventPublisher}), never with a KafkaTemplate. */
    public static ArchRule noDirectKafkaSends(String servicePackage) {
        return noClasses()
                .that()
                .resideInAPackage(servicePackage + "..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.kafka.core.KafkaTemplate")
                .because("events are published through the transactional outbox");
    }
}
