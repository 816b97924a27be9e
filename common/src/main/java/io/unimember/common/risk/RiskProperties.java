package io.unimember.common.risk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Risk control ({@code unimember.risk}).
 *
 * @param enabled off: every decision allows and nothing is counted (the frozen list still holds)
 * @param policyRefresh how often each service re-reads the rules member-service published
 * @param frozenRefresh how often each service re-reads the frozen members: a freeze takes effect within this
 * @param backoff how long decisions allow without asking Redis after it failed (fail open: the rate limits and the
 *     daily points cap still hold)
 * @param largeEarningPoints an order earning at least this many points is a decision (EARNING); below it, nothing
 * @param namespace the prefix of every Redis key of risk control (the policy, the frozen set, the counts): one per
 *     platform, so test runs sharing a Redis never read each other's
 */
@ConfigurationProperties("unimember.risk")
public record RiskProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2s") Duration policyRefresh,
        @DefaultValue("1s") Duration frozenRefresh,
        @DefaultValue("5s") Duration backoff,
        @DefaultValue("20000") long largeEarningPoints,
        @DefaultValue("risk:") String namespace) {}
