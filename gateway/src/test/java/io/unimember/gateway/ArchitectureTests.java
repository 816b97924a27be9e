package io.unimember.gateway;

import io.unimember.testsupport.ServiceArchitectureTests;

class ArchitectureTests extends ServiceArchitectureTests {

    ArchitectureTests() {
        super("io.unimember.gateway");
    }
}
