package io.unimember.tier.membership;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A member's row in {@code member_tier}: where they stand, the growth view last published about them, what has been
 * applied to them already, and the version of the last event published about them.
 */
public record MemberTier(String memberId, Standing standing, GrowthView view, Applied applied, long version) {

    /** The member's tier, since when, and until when it is kept whatever their growth (none: not kept). */
    public record Standing(String tier, Instant reachedAt, @Nullable Instant retainedUntil) {

        boolean keptAt(Instant now) {
            return retainedUntil != null && now.isBefore(retainedUntil);
        }
    }

    /** What the last event said of the member's growth: the growth, the tier above and how much growth it takes. */
    public record GrowthView(long growth, @Nullable String nextTier, long growthToNext) {

        static final GrowthView NONE = new GrowthView(0, null, 0);
    }

    /**
     * What has been applied to the member, so that an event or a job run seen again changes nothing: whether they
     * have ordered (the first-order tier is granted once), the rules revision they were last evaluated against, the
     * month (yyyy-MM) of their last downgrade evaluation, and when they registered.
     */
    public record Applied(
            boolean hasOrdered, long rulesRevision, @Nullable String downgradePeriod, @Nullable Instant registeredAt) {

        boolean downgradeEvaluatedFor(String period) {
            return downgradePeriod != null && downgradePeriod.compareTo(period) >= 0;
        }
    }

    /** A member seen for the first time: in the lowest tier since now, nothing published, nothing applied. */
    static MemberTier newcomer(String memberId, String lowestTier, long rulesRevision, Instant now) {
        return new MemberTier(
                memberId,
                new Standing(lowestTier, now, null),
                GrowthView.NONE,
                new Applied(false, rulesRevision, null, null),
                0);
    }

    public String tier() {
        return standing.tier();
    }

    /** After a {@code tier.changed}: the member stands somewhere else, as of that event's version. */
    MemberTier moved(Standing to, long eventVersion) {
        return new MemberTier(memberId, to, view, applied, eventVersion);
    }

    /** With the growth view worked out again: a new one under a new event's version, or the same one unchanged. */
    MemberTier viewing(GrowthView newView, long eventVersion) {
        return new MemberTier(memberId, standing, newView, applied, eventVersion);
    }

    /** An order of theirs has been applied. */
    MemberTier ordered() {
        return with(new Applied(true, applied.rulesRevision(), applied.downgradePeriod(), applied.registeredAt()));
    }

    /** They have been evaluated against the rules of {@code revision}. */
    MemberTier evaluatedAgainst(long revision) {
        return with(new Applied(applied.hasOrdered(), revision, applied.downgradePeriod(), applied.registeredAt()));
    }

    /** Their downgrade evaluation for {@code period} is done, whether or not they went down. */
    MemberTier downgradeEvaluated(String period) {
        return with(new Applied(applied.hasOrdered(), applied.rulesRevision(), period, applied.registeredAt()));
    }

    /** Their {@code member.registered} has been applied. */
    MemberTier registered(Instant at) {
        return with(new Applied(applied.hasOrdered(), applied.rulesRevision(), applied.downgradePeriod(), at));
    }

    private MemberTier with(Applied newApplied) {
        return new MemberTier(memberId, standing, view, newApplied, version);
    }
}
