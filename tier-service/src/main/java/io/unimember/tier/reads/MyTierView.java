package io.unimember.tier.reads;

import io.unimember.tier.membership.MemberQueries;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/v1/tiers/me}: the member's tier, growth, the way to the next tier and how they got here. */
record MyTierView(
        String tier,
        String name,
        long growth,
        @Nullable String nextTier,
        long growthToNext,
        @Nullable Instant retainedUntil,
        String pointsMultiplier,
        int monthlyCoupons,
        List<MemberQueries.Change> history) {}
