package io.unimember.settlement;

import io.unimember.testsupport.ServiceArchitectureTests;

// Features without cycles holds because the journal reaches periods through the PeriodLedger port it implements,
// not the other way round.
class ArchitectureTests extends ServiceArchitectureTests {

    ArchitectureTests() {
        super("io.unimember.settlement");
    }
}
