package io.unimember.points.ledger;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** How one ledger operation changes a member's balance row; a non-null capDay also resets the day's count. */
record BalanceChange(
        long available, long frozen, long lifetimeEarned, long debt, @Nullable LocalDate capDay, long capDayPoints) {

    static BalanceChange of(long available, long frozen) {
        return new BalanceChange(available, frozen, 0, 0, null, 0);
    }

    /** Points counted on {@code day}'s cap (or, negative, no longer counted), nothing else. */
    static BalanceChange capOnly(MemberAccount account, LocalDate day, long points) {
        return new BalanceChange(0, 0, 0, 0, day, Math.max(0, account.earnedOn(day) + points));
    }
}
