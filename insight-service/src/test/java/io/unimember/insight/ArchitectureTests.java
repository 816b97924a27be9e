package io.unimember.insight;

import io.unimember.testsupport.ServiceArchitectureTests;

class ArchitectureTests extends ServiceArchitectureTests {

    ArchitectureTests() {
        super("io.unimember.insight");
    }
}
