package io.unimember.coupon.campaigns;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A campaign as stored: its rules, its schedule, where it is in its life and how often it changed. */
public record Campaign(
        String id,
        String name,
        String fundingBu,
        CampaignStatus status,
        Trigger trigger,
        List<Action> actions,
        @Nullable Audience audience,
        @Nullable Split split,
        Instant startsAt,
        Instant endsAt,
        int perMemberCap,
        long version,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    /** Whether it acts for something that happened at {@code at}: ACTIVE, and {@code at} inside its schedule. */
    boolean actsAt(Instant at) {
        return status == CampaignStatus.ACTIVE && !at.isBefore(startsAt) && at.isBefore(endsAt);
    }

    Campaign with(CampaignStatus next, Instant now) {
        return new Campaign(
                id,
                name,
                fundingBu,
                next,
                trigger,
                actions,
                audience,
                split,
                startsAt,
                endsAt,
                perMemberCap,
                version + 1,
                createdBy,
                createdAt,
                now);
    }
}
