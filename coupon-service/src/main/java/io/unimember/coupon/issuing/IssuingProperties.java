package io.unimember.coupon.issuing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How issuing decides fast and stays up under a storm; the resilience parts are applied in {@link IssuingResilience}.
 *
 * @param gateEnabled whether Redis remembers exhausted templates, so a storm's late claimers are turned away
 *     before they queue on the template's row lock
 * @param gateTtl how long Redis remembers; the database decides again afterwards
 * @param gateBackoff after Redis fails, how long the gate stays out of the way before trying Redis again
 * @param retryAttempts how often a claim, grant or member's allotment is tried (the first time included) when the
 *     database picks it as a deadlock victim or it waits too long for a lock
 * @param concurrentPerTemplate issuing transactions of one template running at once in one instance
 * @param queueWait how long a claim or grant waits for one of those slots before it is answered 503
 * @param workerThreads platform threads that run issuing transactions, for all templates together
 */
@ConfigurationProperties("unimember.coupon.issuing")
public record IssuingProperties(
        @DefaultValue("true") boolean gateEnabled,
        @DefaultValue("P1D") Duration gateTtl,
        @DefaultValue("PT10S") Duration gateBackoff,
        @DefaultValue("3") int retryAttempts,
        @DefaultValue("8") int concurrentPerTemplate,
        @DefaultValue("PT15S") Duration queueWait,
        @DefaultValue("16") int workerThreads) {}
