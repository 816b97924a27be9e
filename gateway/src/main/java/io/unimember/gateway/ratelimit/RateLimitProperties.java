package io.unimember.gateway.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token buckets in Redis: one per client (BU, merchant, admin: the token's subject) and one per member.
 *
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
        @DefaultValue("PT1M") Duration outageLogInterval) {

    /** A bucket's refill rate and size (the burst a caller may spend at once). */
    record Limit(@DefaultValue("100") int replenishPerSecond, @DefaultValue("200") int burst) {}
}
