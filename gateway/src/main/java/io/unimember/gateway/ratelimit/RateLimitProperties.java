package io.unimember.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token buckets: one per client (BU, merchant, admin: the token's subject) and one per member, each kind kept in
 * Redis (shared by every gateway) or in each gateway's memory ({@link LocalBuckets}, the limit divided by {@code
 * instances}).
 *
 * @param instances how many gateways share the traffic: a limit kept in memory allows each its share
 * @param localMaxEntries the most buckets kept in memory before they are all dropped (see {@link LocalBuckets})
 * @param redisTimeout how long a request waits for its bucket before passing unlimited
 * @param redisRetryInterval after Redis fails, how long traffic passes unlimited before Redis is tried again
 * @param outageLogInterval during a Redis outage, the least time between two log lines about it
 */
@ConfigurationProperties("unimember.gateway.rate-limit")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue Limit client,
        @DefaultValue Limit member,
        @DefaultValue("PT0.25S") Duration redisTimeout,
        @DefaultValue("PT2S") Duration redisRetryInterval,
        @DefaultValue("PT1M") Duration outageLogInterval,
        @DefaultValue("1") int instances,
        @DefaultValue("200000") int localMaxEntries) {

    /** A bucket's refill rate and size (the burst a caller may spend at once), and where the buckets are kept. */
    record Limit(
            @DefaultValue("100") int replenishPerSecond,
            @DefaultValue("200") int burst,
            @DefaultValue("REDIS") Store store) {

        /** The bucket each of {@code instances} gateways keeps: its share, rounded up, at least a token a second. */
        BucketConfiguration share(int instances) {
            int n = Math.max(1, instances);
            long capacity = Math.max(1, (burst + n - 1) / n);
            // replenishPerSecond / n per second, as that many tokens every n seconds, refilled continuously
            long tokens = replenishPerSecond >= n ? replenishPerSecond : 1;
            Duration period = Duration.ofSeconds(replenishPerSecond >= n ? n : 1);
            return BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(capacity).refillGreedy(tokens, period))
                    .build();
        }
    }

    enum Store {
        /** shared by every gateway; one Redis call per request; fails open when Redis does */
        REDIS,
        /** in this gateway's memory, the limit divided by {@code instances}; no call at all */
        LOCAL
    }
}
