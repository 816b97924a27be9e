package io.unimember.settlement.periods;

import io.unimember.common.web.FieldErrors;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.regex.Pattern;

/** A settlement period: one calendar month in the settlement zone, written {@code yyyy-MM}. */
public record PeriodKey(YearMonth month) implements Comparable<PeriodKey> {

    private static final Pattern FORMAT = Pattern.compile("[12]\\d{3}-(0[1-9]|1[0-2])");

    public static PeriodKey parse(String text) {
        if (!FORMAT.matcher(text).matches()) {
            throw new IllegalArgumentException("a period is yyyy-MM: " + text);
        }
        return new PeriodKey(YearMonth.parse(text));
    }

    /** Parses a period from a request path; a bad one is a 400 naming the {@code period} field. */
    public static PeriodKey fromPath(String text) {
        if (text.length() > 7 || !FORMAT.matcher(text).matches()) {
            throw FieldErrors.invalid("period", "must be a month as yyyy-MM");
        }
        return parse(text);
    }

    public static PeriodKey containing(Instant instant, ZoneId zone) {
        return new PeriodKey(YearMonth.from(instant.atZone(zone)));
    }

    public Instant start(ZoneId zone) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period. */
    public Instant end(ZoneId zone) {
        return next().start(zone);
    }

    public PeriodKey next() {
        return new PeriodKey(month.plusMonths(1));
    }

    @Override
    public int compareTo(PeriodKey other) {
        return month.compareTo(other.month);
    }

    @Override
    public String toString() {
        return month.toString();
    }
}
