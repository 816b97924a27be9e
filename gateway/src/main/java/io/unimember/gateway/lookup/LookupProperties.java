package io.unimember.gateway.lookup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The lookups the gateway answers from member-service's cached views (decision 0024).
 *
 * @param enabled off: every lookup goes to member-service
 * @param redisTimeout how long a lookup waits for Redis before it goes to member-service; 500 ms, the services' Redis
 *     timeout (on a saturated 2-core box 100 ms timed out the leases' read)
 * @param leasesEvery how often member-service's leases are read
 * @param maxParsed how many members' parsed views are kept
 */
@ConfigurationProperties("unimember.gateway.lookup")
record LookupProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500ms") Duration redisTimeout,
        @DefaultValue("250ms") Duration leasesEvery,
        @DefaultValue("20000") int maxParsed) {}
