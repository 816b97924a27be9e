package io.unimember.coupon.campaigns;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A campaign's report (design §12): what it issued, what was redeemed and what it cost; with a split, treatment and
 * holdout compared on the members' orders in the window after their assignment, with the difference in spend per
 * member and its 95% interval (Welch's normal approximation: mean difference ± 1.96 standard errors).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record UpliftReport(
        String campaignId,
        long issued,
        long redeemed,
        long costFen,
        int windowDays,
        @Nullable Arm treatment,
        @Nullable Arm holdout,
        @Nullable Double upliftSpendFenPerMember,
        @Nullable List<Double> ci95) {

    /** One arm: its members, the share of them who redeemed the campaign's coupon, and orders and spend per member. */
    record Arm(long members, double redemptionRate, double ordersPerMember, double spendFenPerMember) {}

    /** Mean and variance of per-member values, for the interval. */
    record Sample(long n, double mean, double variance) {

        static Sample of(long[] values) {
            long n = values.length;
            if (n == 0) {
                return new Sample(0, 0, 0);
            }
            double mean = 0;
            for (long v : values) {
                mean += v;
            }
            mean /= n;
            double squares = 0;
            for (long v : values) {
                squares += (v - mean) * (v - mean);
            }
            return new Sample(n, mean, n > 1 ? squares / (n - 1) : 0);
        }

        /** The difference of the means (this − other) with its 95% interval. */
        static double[] difference(Sample t, Sample h) {
            double diff = t.mean() - h.mean();
            double se = Math.sqrt((t.n() > 0 ? t.variance() / t.n() : 0) + (h.n() > 0 ? h.variance() / h.n() : 0));
            return new double[] {diff, diff - 1.96 * se, diff + 1.96 * se};
        }
    }
}
