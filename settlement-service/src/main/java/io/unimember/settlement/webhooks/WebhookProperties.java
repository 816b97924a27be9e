package io.unimember.settlement.webhooks;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How webhooks are registered and delivered.
 *
 * @param allowPrivateTargets accept loopback, private and link-local targets (the demo and tests; never production)
 * @param maxEndpointsPerOwner how many endpoints one BU or merchant may register
 * @param connectTimeout how long a delivery waits to connect
 * @param requestTimeout how long a delivery waits for the receiver's answer
 * @param initialBackoff the wait after a first failed attempt; it doubles with each further failure
 * @param maxBackoff the longest wait between two attempts
 * @param retryWindow how long after its first attempt a delivery is retried before it is dead-lettered
 * @param pauseAfterFailing an endpoint failing (no success) for this long is paused and its owner told
 * @param batchSize how many deliveries one round of the sender claims
 * @param concurrency how many requests each worker has in flight at once
 * @param workers how many rounds run side by side, each over its share of the members
 * @param lease how long a claimed delivery is the claimer's; after it, another instance may send it again
 * @param pollInterval how long the sender rests after a round that found nothing to do
 */
@ConfigurationProperties("unimember.webhooks")
@Validated
record WebhookProperties(
        @DefaultValue("false") boolean allowPrivateTargets,
        @DefaultValue("20") @Positive int maxEndpointsPerOwner,
        @DefaultValue("PT2S") @NotNull Duration connectTimeout,
        @DefaultValue("PT5S") @NotNull Duration requestTimeout,
        @DefaultValue("PT10S") @NotNull Duration initialBackoff,
        @DefaultValue("PT1H") @NotNull Duration maxBackoff,
        @DefaultValue("PT24H") @NotNull Duration retryWindow,
        @DefaultValue("PT1H") @NotNull Duration pauseAfterFailing,
        @DefaultValue("500") @Positive int batchSize,
        @DefaultValue("256") @Positive int concurrency,
        @DefaultValue("4") @Positive @jakarta.validation.constraints.Max(64) int workers,
        @DefaultValue("PT1M") @NotNull Duration lease,
        @DefaultValue("PT0.2S") @NotNull Duration pollInterval) {

    /** The wait after the {@code attempts}-th failed attempt: initial × 2^(attempts−1), at most {@code maxBackoff}. */
    Duration backoffAfter(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration wait = initialBackoff.multipliedBy(1L << doublings);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
