package io.unimember.points.ledger;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** How one ledger operation changes a member's balance row; a non-null capDay also resets the day's count. */
record BalanceChange(
        long available, long frozen, long lifetimeEarned, long debt, @Nullable LocalDate capDay, long capDayPoints) {

    static BalanceChange of(long available, long frozen) {
        return new BalanceChange(available, frozen, 0, 0, null, 0);
    }
}
