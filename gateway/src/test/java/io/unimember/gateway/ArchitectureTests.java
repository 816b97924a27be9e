package io.unimember.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.unimember.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.unimember.gateway");

    @Test
    void usesNoServicesCode() {
        ArchitectureRules.onlyCommonIsShared("io.unimember.gateway").check(classes);
    }
}
