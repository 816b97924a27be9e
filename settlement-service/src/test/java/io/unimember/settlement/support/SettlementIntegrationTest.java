package io.unimember.settlement.support;

import io.unimember.testsupport.IntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * The whole service against real MariaDB and Kafka, with a settable clock and the settlement fixture. Every
 * integration test class uses exactly this, so they share one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@IntegrationTest(properties = "unimember.webhooks.allow-private-targets=true")
@Import(SettlementTestConfiguration.class)
public @interface SettlementIntegrationTest {}
