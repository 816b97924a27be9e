package io.unimember.points.earning;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The earn rule: amount in yuan × the BU's points rate × the member's tier multiplier, fractions rounded down, then
 * cut to what is left of the member's daily cap. Growth is amount in yuan × the BU's growth rate, rounded down, and
 * is neither multiplied nor capped. Pure: no clock, no database.
 */
public final class EarnRule {

    /** 100 fen per yuan × 10000 basis points per unit rate. */
    private static final BigDecimal FEN_BASIS_POINTS = BigDecimal.valueOf(1_000_000);

    private EarnRule() {}

    public static Earning apply(
            long amountFen, BusinessUnit bu, BigDecimal multiplier, long earnedToday, long dailyCap) {
        if (amountFen < 0 || multiplier.signum() < 0) {
            throw new IllegalArgumentException("amount and multiplier must not be negative");
        }
        long uncapped = BigDecimal.valueOf(amountFen)
                .multiply(BigDecimal.valueOf(bu.pointsPerYuanBp()))
                .multiply(multiplier)
                .divide(FEN_BASIS_POINTS, 0, RoundingMode.FLOOR)
                .longValueExact();
        long growth = BigDecimal.valueOf(amountFen)
                .multiply(BigDecimal.valueOf(bu.growthPerYuanBp()))
                .divide(FEN_BASIS_POINTS, 0, RoundingMode.FLOOR)
                .longValueExact();
        long capLeft = Math.max(0, dailyCap - earnedToday);
        long points = Math.min(uncapped, capLeft);
        return new Earning(points, uncapped, growth, points < uncapped);
    }
}
