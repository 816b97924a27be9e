package io.unimember.common.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A member moved between tiers. The design's fields are {@code memberId, from, to, reason, growth}; the rest lets
 * consumers (the points multiplier, the monthly 神券 allotment, the entitlement view) keep a projection without
 * asking tier-service. {@code from} is null on registration; {@code version} orders a member's tier events.
 */
@EventType(value = "tier.changed", topic = Topics.TIER)
public record TierChanged(
        String memberId,
        @Nullable String from,
        String to,
        String reason,
        long growth,
        String toName,
        @Nullable String nextTier,
        long growthToNext,
        String pointsMultiplier,
        int monthlyCoupons,
        @Nullable Instant retainedUntil,
        long version)
        implements DomainEvent {}
