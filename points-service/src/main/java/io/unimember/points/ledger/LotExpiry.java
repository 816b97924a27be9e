package io.unimember.points.ledger;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/** When earned points expire: at the end of the Nth month after the month they were earned in, in business time. */
final class LotExpiry {

    private LotExpiry() {}

    static Instant of(Instant earnedAt, ZoneId zone, int validityMonths) {
        YearMonth earned = YearMonth.from(earnedAt.atZone(zone));
        return earned.plusMonths(validityMonths + 1L)
                .atDay(1)
                .atStartOfDay(zone)
                .toInstant();
    }
}
