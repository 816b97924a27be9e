package io.unimember.points.campaignbonus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * A campaign's multiplier on a member's orders from {@code startsAt} until {@code endsAt}. The stated rule (decision
 * 0067): it multiplies what the order earned — at the tier's multiplier plus the paid membership's bonus, after the
 * daily cap — and the extra is credited apart, funded by the campaign's BU, off the daily cap. Several windows each
 * add their own extra (they do not multiply each other): 2.0× and 1.5× at once give the order 1.0 + 0.5 more.
 */
record BonusWindow(
        String campaignId, String occurrence, String fundingBu, int multiplierBp, Instant startsAt, Instant endsAt) {

    private static final BigDecimal BASIS = BigDecimal.valueOf(10_000);

    boolean covers(Instant orderAt) {
        return !orderAt.isBefore(startsAt) && orderAt.isBefore(endsAt);
    }

    /** The extra points an order that earned {@code earned} gets, fractions rounded down. */
    long extraFor(long earned) {
        if (earned <= 0 || multiplierBp <= 10_000) {
            return 0;
        }
        return BigDecimal.valueOf(earned)
                .multiply(BigDecimal.valueOf(multiplierBp - 10_000L))
                .divide(BASIS, 0, RoundingMode.FLOOR)
                .longValueExact();
    }
}
