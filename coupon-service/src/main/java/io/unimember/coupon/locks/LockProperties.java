package io.unimember.coupon.locks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param ttl how long a lock holds a coupon before it is released on its own
 * @param expireEvery how often stale locks are looked for
 * @param batchSize stale locks released per transaction batch
 */
@ConfigurationProperties("unimember.coupon.locks")
record LockProperties(
        @DefaultValue("PT15M") Duration ttl,
        @DefaultValue("PT30S") Duration expireEvery,
        @DefaultValue("200") int batchSize) {}
