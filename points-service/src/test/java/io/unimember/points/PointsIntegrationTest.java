package io.unimember.points;

import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestClock;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Points-service whole, against the real database and Kafka, with a {@link TestClock}, the background jobs left
 * to the tests (they call them), and the ledger audited after the class. Every integration test class uses exactly
 * this configuration, so they share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@IntegrationTest(
        properties = {
            "unimember.points.hold-release-every=PT1H",
            "unimember.points.expiry-every=PT1H",
            // 200 threads on one member queue for its row lock while holding a connection; let them wait
            "spring.datasource.hikari.connection-timeout=20000",
            // ...and the orders of the concurrency tests (40 at once for one member) wait for their turn too
            "unimember.points.intake-queue-wait=PT20S"
        })
@Import(PointsIntegrationTest.ClockConfiguration.class)
@ExtendWith(LedgerAuditExtension.class)
public @interface PointsIntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    class ClockConfiguration {

        @Bean
        @org.springframework.context.annotation.Primary
        TestClock testClock() {
            return new TestClock();
        }

        @Bean
        Api api(
                org.springframework.core.env.Environment environment,
                tools.jackson.databind.json.JsonMapper json,
                TestClock clock,
                org.springframework.jdbc.core.simple.JdbcClient jdbc,
                org.springframework.transaction.support.TransactionTemplate tx) {
            return new Api(environment, json, clock, jdbc, tx);
        }
    }
}
