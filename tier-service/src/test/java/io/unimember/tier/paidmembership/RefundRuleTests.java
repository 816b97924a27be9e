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
