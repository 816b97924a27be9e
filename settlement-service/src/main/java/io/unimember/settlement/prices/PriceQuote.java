package io.unimember.settlement.prices;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * The settlement price in force for a usage: a rate in basis points of face value, and the version it came from
 * ({@code null} when no version was set and the default applies).
 */
public record PriceQuote(@Nullable Long priceId, int rateBp) {

    private static final BigDecimal BASIS_POINTS = BigDecimal.valueOf(10_000);

    /**
     * The settled amount for a face value, rounded half up to the fen. Symmetric around zero, so the amount of a
     * reversal is exactly the negated amount of the posting it reverses.
     */
    public long apply(long faceFen) {
        return BigDecimal.valueOf(faceFen)
                .multiply(BigDecimal.valueOf(rateBp))
                .divide(BASIS_POINTS, 0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
