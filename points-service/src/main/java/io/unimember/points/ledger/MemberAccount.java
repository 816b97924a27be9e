package io.unimember.points.ledger;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A member's balance as read under its row lock: the handle every ledger change of that member starts from, so
 * decisions (enough points? cap left?) are taken on data no one else can change until the transaction ends.
 *
 * @param debt refunded points the member had already spent, to be recovered from later earnings
 * @param capDay the business day {@code capDayPoints} counts
 * @param version grows by one with every change of the balance
 */
public record MemberAccount(
        String memberId,
        long available,
        long frozen,
        long lifetimeEarned,
        long debt,
        @Nullable LocalDate capDay,
        long capDayPoints,
        long version) {

    static MemberAccount empty(String memberId) {
        return new MemberAccount(memberId, 0, 0, 0, 0, null, 0, 0);
    }

    /** Points credited on a business day, for the daily cap. */
    public long earnedOn(LocalDate day) {
        return day.equals(capDay) ? capDayPoints : 0;
    }

    MemberAccount with(BalanceChange change) {
        return new MemberAccount(
                memberId,
                available + change.available(),
                frozen + change.frozen(),
                lifetimeEarned + change.lifetimeEarned(),
                debt + change.debt(),
                change.capDay() != null ? change.capDay() : capDay,
                change.capDay() != null ? change.capDayPoints() : capDayPoints,
                version + 1);
    }
}
