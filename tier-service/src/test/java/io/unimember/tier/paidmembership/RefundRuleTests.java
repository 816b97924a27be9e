package io.unimember.tier.paidmembership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The refund rule of decision 0040: full within 7 days if nothing was used, else pro rata minus what was used. */
class RefundRuleTests {

    private static final Duration WEEK = Duration.ofDays(7);
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant END = START.plus(Duration.ofDays(30));

    @Test
    void withinSevenDaysWithNothingUsedTheWholePriceComesBack() {
        assertThat(refund(1800, 0, 0, START.plus(Duration.ofDays(6)))).isEqualTo(1800);
    }

    @Test
    void aSecondBeforeSevenDaysItIsStillWholeAndAtSevenDaysItIsProRata() {
        Instant week = START.plus(WEEK);
        assertThat(refund(1800, 0, 0, week.minusSeconds(1))).isEqualTo(1800);
        // exactly 7 days in: 23 whole days left of 30 → 1800 × 23 / 30 = 1380
        assertThat(refund(1800, 0, 0, week)).isEqualTo(1380);
    }

    @Test
    void aUseWorthNothingStillEndsTheFullRefund() {
        // a counted benefit without a face value: used is used, so the day-one refund is pro rata (29 of 30 left)
        assertThat(refund(1800, 1, 0, START.plusSeconds(60))).isEqualTo(1740);
    }

    @Test
    void theSevenDaysRunFromPaymentNotFromThePeriodsStart() {
        // a renewal paid 2 days before its period began, refunded 6 days into it: 8 days after payment
        Instant paidAt = START.minus(Duration.ofDays(2));
        var claim = new RefundRule.Claim(1800, paidAt, START, END, 0, 0, START.plus(Duration.ofDays(6)));
        assertThat(RefundRule.refundFen(claim, WEEK)).isEqualTo(1800 * 24 / 30);
    }

    @Test
    void aYearIsProRataByItsOwnDays() {
        Instant start = Instant.parse("2027-01-01T00:00:00Z");
        Instant end = Instant.parse("2028-01-01T00:00:00Z");
        // 100 days and an hour in: 264 whole days left of 365, minus two ¥3 deliveries
        var claim = new RefundRule.Claim(
                16_800,
                start,
                start,
                end,
                2,
                600,
                start.plus(Duration.ofDays(100).plusHours(1)));
        assertThat(RefundRule.refundFen(claim, WEEK)).isEqualTo(16_800L * 264 / 365 - 600);
    }

    @Test
    void usedBenefitsWorthExactlyWhatIsLeftRefundNothing() {
        // 19 whole days left of 30 → 1140, and 1140 of benefits used
        assertThat(refund(1800, 3, 1140, START.plus(Duration.ofDays(10).plusHours(1))))
                .isZero();
    }

    @Test
    void withinSevenDaysAfterOneUseItIsProRataMinusTheUsesFaceValue() {
        // day 2 begun: 28 whole days left of 30 → 1800 × 28 / 30 = 1680, minus one ¥3 delivery
        assertThat(refund(1800, 1, 300, START.plus(Duration.ofDays(1).plusHours(1))))
                .isEqualTo(1380);
    }

    @Test
    void afterSevenDaysItIsProRataByWholeDaysLeftEvenWithNothingUsed() {
        // 10 days and an hour in: 19 whole days left → 1800 × 19 / 30 = 1140
        assertThat(refund(1800, 0, 0, START.plus(Duration.ofDays(10).plusHours(1))))
                .isEqualTo(1140);
    }

    @Test
    void proRataRoundsDownToTheFen() {
        // 1999 × 19 / 30 = 1266.03… → 1266
        assertThat(refund(1999, 0, 0, START.plus(Duration.ofDays(10).plusHours(1))))
                .isEqualTo(1266);
    }

    @Test
    void usedBenefitsWorthMoreThanWhatIsLeftRefundNothingAndNeverLessThanZero() {
        assertThat(refund(1800, 10, 5000, START.plus(Duration.ofDays(20)))).isZero();
    }

    @Test
    void atOrAfterThePeriodsEndNothingIsLeftToRefund() {
        assertThat(refund(1800, 0, 0, END)).isZero();
        assertThat(refund(1800, 0, 0, END.plus(Duration.ofDays(2)))).isZero();
    }

    @Test
    void aRenewalPaidAheadWhosePeriodHasNotBegunComesBackWhole() {
        Instant paidAt = START.minus(Duration.ofDays(20));
        var claim = new RefundRule.Claim(1800, paidAt, START, END, 0, 0, START.minus(Duration.ofDays(1)));
        assertThat(RefundRule.refundFen(claim, WEEK)).isEqualTo(1800);
    }

    private static long refund(long paid, int uses, long faceValue, Instant now) {
        return RefundRule.refundFen(new RefundRule.Claim(paid, START, START, END, uses, faceValue, now), WEEK);
    }
}
