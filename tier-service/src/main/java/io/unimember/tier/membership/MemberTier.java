package io.unimember.tier.membership;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A member's row in {@code member_tier}: their tier, since when and until when it is kept, and the growth view last
 * published about them.
 */
public record MemberTier(
        String memberId,
        String tier,
        Instant reachedAt,
        @Nullable Instant retainedUntil,
        boolean hasOrdered,
        long growth,
        @Nullable String nextTier,
        long growthToNext,
        long version,
        long rulesRevision,
        @Nullable String downgradePeriod,
        @Nullable Instant registeredAt) {

    MemberTier moved(String to, Instant reached, @Nullable Instant retained, long newVersion) {
        return new MemberTier(
                memberId,
                to,
                reached,
                retained,
                hasOrdered,
                growth,
                nextTier,
                growthToNext,
                newVersion,
                rulesRevision,
                downgradePeriod,
                registeredAt);
    }

    MemberTier viewing(long newGrowth, @Nullable String newNextTier, long newGrowthToNext, long newVersion) {
        return new MemberTier(
                memberId,
                tier,
                reachedAt,
                retainedUntil,
                hasOrdered,
                newGrowth,
                newNextTier,
                newGrowthToNext,
                newVersion,
                rulesRevision,
                downgradePeriod,
                registeredAt);
    }

    MemberTier ordered() {
        return new MemberTier(
                memberId,
                tier,
                reachedAt,
                retainedUntil,
                true,
                growth,
                nextTier,
                growthToNext,
                version,
                rulesRevision,
                downgradePeriod,
                registeredAt);
    }

    MemberTier evaluatedAgainst(long revision) {
        return new MemberTier(
                memberId,
                tier,
                reachedAt,
                retainedUntil,
                hasOrdered,
                growth,
                nextTier,
                growthToNext,
                version,
                revision,
                downgradePeriod,
                registeredAt);
    }

    MemberTier downgradeEvaluated(String period) {
        return new MemberTier(
                memberId,
                tier,
                reachedAt,
                retainedUntil,
                hasOrdered,
                growth,
                nextTier,
                growthToNext,
                version,
                rulesRevision,
                period,
                registeredAt);
    }

    MemberTier registered(Instant at) {
        return new MemberTier(
                memberId,
                tier,
                reachedAt,
                retainedUntil,
                hasOrdered,
                growth,
                nextTier,
                growthToNext,
                version,
                rulesRevision,
                downgradePeriod,
                at);
    }
}
