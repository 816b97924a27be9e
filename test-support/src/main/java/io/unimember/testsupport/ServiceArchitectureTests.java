package io.unimember.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules every service keeps, as tests: a service's {@code ArchitectureTests} extends this with its
 * root package and adds the rules only it has.
 */
public abstract class ServiceArchitectureTests {

    // JUnit makes an instance per test method; the main classes are read once per service
    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    private final String servicePackage;

    /** The service's main classes (not its tests), for the subclass's own rules. */
    protected final JavaClasses classes;

    protected ServiceArchitectureTests(String servicePackage) {
        this.servicePackage = servicePackage;
        this.classes = IMPORTED.computeIfAbsent(servicePackage, root -> new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root));
    }

    @Test
    void usesNoOtherServiceOnlyCommon() {
        ArchitectureRules.onlyCommonIsShared(servicePackage).check(classes);
    }

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        ArchitectureRules.featuresFreeOfCycles(servicePackage).check(classes);
    }

    @Test
    void publishesEventsOnlyThroughTheOutbox() {
        ArchitectureRules.noDirectKafkaSends(servicePackage).check(classes);
    }
}
