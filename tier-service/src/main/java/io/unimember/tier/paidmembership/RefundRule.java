package io.unimember.tier.paidmembership;

import java.time.Duration;
import java.time.Instant;

/**
 * What a refund of a paid purchase gives back (design §13, decision 0040):
 *
 * <ul>
 *   <li>within the full-refund window (7 days) of payment, with no benefit of the purchase used: the price paid;
 *   <li>a renewal paid ahead whose period has not begun: the price paid, as nothing of it was used;
 *   <li>otherwise pro rata by whole days: {@code paid × daysLeft / daysInPeriod} (rounded down, days left counted
 *       from the refund to the period's end, a begun day counting as used), minus the face value of the benefits
 *       used in the purchase's period, never below zero.
 * </ul>
 */
final class RefundRule {

    private static final Duration DAY = Duration.ofDays(1);

    /** What the refund is judged on. {@code usedFaceValueFen} is the summed face value of {@code benefitsUsed}. */
    record Claim(
            long paidFen,
            Instant paidAt,
            Instant periodStart,
            Instant periodEnd,
            int benefitsUsed,
            long usedFaceValueFen,
            Instant now) {}

    private RefundRule() {}

    static long refundFen(Claim c, Duration fullRefundWindow) {
        if (!c.now().isAfter(c.periodStart())) {
            return c.paidFen();
        }
        if (c.benefitsUsed() == 0 && c.now().isBefore(c.paidAt().plus(fullRefundWindow))) {
            return c.paidFen();
        }
        long daysInPeriod =
                Math.max(1, Duration.between(c.periodStart(), c.periodEnd()).dividedBy(DAY));
        long daysLeft = c.now().isBefore(c.periodEnd())
                ? Duration.between(c.now(), c.periodEnd()).dividedBy(DAY)
                : 0;
        long proRata = Math.multiplyExact(c.paidFen(), Math.min(daysLeft, daysInPeriod)) / daysInPeriod;
        return Math.max(0, proRata - c.usedFaceValueFen());
    }
}
