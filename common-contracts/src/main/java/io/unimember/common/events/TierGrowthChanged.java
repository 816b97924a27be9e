package io.unimember.common.events;

import org.jspecify.annotations.Nullable;

/** A member's rolling growth changed without a tier change; keeps the entitlement view's progress bar current. */
@EventType(value = "tier.growth.changed", topic = Topics.TIER)
public record TierGrowthChanged(
        String memberId, String tier, long growth, @Nullable String nextTier, long growthToNext, long version)
        implements DomainEvent {}
