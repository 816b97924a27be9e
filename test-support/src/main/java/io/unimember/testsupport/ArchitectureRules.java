package io.unimember.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/** Rules every service's {@code ArchitectureTests} applies to its main classes. */
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
