package io.unimember.insight;

import io.unimember.testsupport.IntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * insight-service on the test infrastructure: the embedded broker has one node, so no transactions (at least once;
 * the platform's broker runs the configured exactly-once), a state directory of the run's own, figures handed on
 * every 200 ms.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@IntegrationTest(
        properties = {
            "spring.kafka.streams.properties.processing.guarantee=at_least_once",
            "spring.kafka.streams.properties.commit.interval.ms=200",
            "spring.kafka.streams.state-dir=${java.io.tmpdir}/insight-test-${random.uuid}",
            "unimember.insight.flush-every=PT0.2S"
        })
public @interface InsightIntegrationTest {}
