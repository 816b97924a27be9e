package io.unimember.tier.growth;

import java.math.BigInteger;

/** Growth arithmetic in integers: fractions round down, refunds reverse in proportion. */
public final class GrowthMath {

    private static final BigInteger FEN_PER_YUAN_TIMES_BP = BigInteger.valueOf(100L * 10_000L);

    private GrowthMath() {}

    /** floor(amountFen / 100 × rateBp / 10000): 1 growth per ¥1 at 10000 bp. */
    public static long growthFor(long amountFen, int rateBp) {
        return BigInteger.valueOf(amountFen)
                .multiply(BigInteger.valueOf(rateBp))
                .divide(FEN_PER_YUAN_TIMES_BP)
                .longValueExact();
    }

    /**
     * The growth all refunds of an order so far take back: floor(growth × refunded / amount), refunded capped at the
     * amount. Computed over the running total rather than per refund, so partial refunds that add up to the whole
     * order take back all of its growth, in whatever order they arrive.
     */
    public static long reversedFor(long orderGrowth, long refundedFen, long orderAmountFen) {
        if (orderAmountFen <= 0 || refundedFen <= 0) {
            return 0;
        }
        long refunded = Math.min(refundedFen, orderAmountFen);
        return BigInteger.valueOf(orderGrowth)
                .multiply(BigInteger.valueOf(refunded))
                .divide(BigInteger.valueOf(orderAmountFen))
                .longValueExact();
    }
}
