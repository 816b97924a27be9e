package io.unimember.member;

import io.unimember.testsupport.ServiceArchitectureTests;

class ArchitectureTests extends ServiceArchitectureTests {

    ArchitectureTests() {
        super("io.unimember.member");
    }
}
