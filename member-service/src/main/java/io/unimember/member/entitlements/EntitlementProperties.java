package io.unimember.member.entitlements;

import io.unimember.common.entitlements.StoredView;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The entitlement view.
 *
 * @param cacheTtl how long a cached view lives in Redis without being read back from MySQL
 * @param pendingTtl how long a "being replaced" marker lives if its writer never finishes
 * @param repairEvery how often to check on Redis and rewrite views it missed while away
 * @param fenPerPoint what one point is worth at checkout ({@code redeemableFen = available * fenPerPoint})
 * @param tombstoneRetention how long redeemed and expired coupons are remembered against late events
 * @param defaultTier the tier of a member no tier event has mentioned yet
 * @param tierNames display names of tiers, for a growth event naming a tier before its tier.changed arrived
 * @param lease how long this instance's promise to the gateway runs without renewal ({@link ViewLease})
 * @param leaseForgetAfter how long after its end another instance's lease is forgotten (it died without a goodbye)
 */
@ConfigurationProperties("unimember.entitlements")
record EntitlementProperties(
        @DefaultValue("P1D") Duration cacheTtl,
        @DefaultValue("PT30S") Duration pendingTtl,
        @DefaultValue("PT1S") Duration repairEvery,
        @DefaultValue("1") long fenPerPoint,
        @DefaultValue("P90D") Duration tombstoneRetention,
        @DefaultValue DefaultTier defaultTier,
        @DefaultValue Map<String, String> tierNames,
        @DefaultValue("PT2S") Duration lease,
        @DefaultValue("PT10M") Duration leaseForgetAfter) {

    record DefaultTier(
            @DefaultValue("REGULAR") String code,
            @DefaultValue("普通") String name,
            @DefaultValue("SILVER") @Nullable String nextTier,
            @DefaultValue("1") long growthToNext,
            @DefaultValue("1.0") String pointsMultiplier,
            @DefaultValue("2") int monthlyCoupons) {

        StoredView.TierState state() {
            return new StoredView.TierState(code, name, 0, nextTier, growthToNext, pointsMultiplier, monthlyCoupons);
        }
    }

    String tierName(String code) {
        return tierNames.getOrDefault(code, code);
    }
}
