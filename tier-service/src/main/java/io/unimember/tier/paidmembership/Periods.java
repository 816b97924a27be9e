package io.unimember.tier.paidmembership;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/** Calendar arithmetic in business time: a plan's period, and the month a counted allowance belongs to. */
final class Periods {

    private Periods() {}

    /** A period of the plan from {@code start}: the same day and time one, three or twelve months later. */
    static Instant end(Instant start, Plan.Period period, ZoneId zone) {
        return start.atZone(zone).plusMonths(period.months).toInstant();
    }

    /** The business month (yyyy-MM) of {@code at}: counted benefits are allowed per calendar month. */
    static String month(Instant at, ZoneId zone) {
        return YearMonth.from(at.atZone(zone)).toString();
    }
}
