package io.unimember.insight.members;

import io.unimember.insight.InsightProperties;

/**
 * The lifecycle stage on a given day. WON_BACK: for {@code activeDays} after an order that ended a spell of more than
 * {@code dormantDays} without one. NEW: registered (or, without a registration, first ordered)
 * fewer than {@code newDays} ago. Otherwise by days since the last order (or since registration, for a member
 * who never ordered): ACTIVE under {@code activeDays}, DORMANT past {@code dormantDays}, AT_RISK in between.
 */
public final class Lifecycle {

    private Lifecycle() {}

    public static Stage stage(MemberState s, int asOf, InsightProperties p) {
        if (s.wonBackDay != MemberState.NONE && asOf - s.wonBackDay < p.activeDays()) {
            return Stage.WON_BACK;
        }
        int since = s.registeredDay != MemberState.NONE ? s.registeredDay : s.firstOrderDay;
        if (since != MemberState.NONE && asOf - since < p.newDays()) {
            return Stage.NEW;
        }
        int recency = s.recencyDays(asOf);
        if (recency < 0 || recency < p.activeDays()) {
            return recency < 0 ? Stage.NEW : Stage.ACTIVE;
        }
        return recency > p.dormantDays() ? Stage.DORMANT : Stage.AT_RISK;
    }
}
