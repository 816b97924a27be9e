package io.unimember.coupon;

import io.unimember.testsupport.ServiceArchitectureTests;

class ArchitectureTests extends ServiceArchitectureTests {

    ArchitectureTests() {
        super("io.unimember.coupon");
    }
}
