package io.unimember.common.events;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        implements DomainEvent {

    /**
     * Of a batch of events, each member's newest (by {@code version}), in member id order: all a projection that
     * keeps only the newest needs to write.
     */
    public static List<TierChanged> newestPerMember(Collection<TierChanged> events) {
        Map<String, TierChanged> newest = new TreeMap<>();
        for (TierChanged e : events) {
            newest.merge(e.memberId(), e, (a, b) -> b.version() > a.version() ? b : a);
        }
        return List.copyOf(newest.values());
    }
}
