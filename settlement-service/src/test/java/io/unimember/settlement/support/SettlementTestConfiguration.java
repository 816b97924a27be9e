package io.unimember.settlement.support;

import io.unimember.common.inbox.EventCodec;
import io.unimember.testsupport.TestClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

@TestConfiguration(proxyBeanMethods = false)
class SettlementTestConfiguration {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    @Bean
    Fixture fixture(JsonMapper mapper, EventCodec codec, JdbcClient jdbc, Environment environment, TestClock clock) {
        return new Fixture(mapper, codec, jdbc, environment, clock);
    }
}
