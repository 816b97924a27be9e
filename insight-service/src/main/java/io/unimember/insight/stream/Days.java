package io.unimember.insight.stream;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/** Business days in the insight zone, as epoch days. */
record Days(ZoneId zone) {

    int of(long epochMilli) {
        return (int) LocalDate.ofInstant(Instant.ofEpochMilli(epochMilli), zone).toEpochDay();
    }

    int of(Instant at) {
        return (int) LocalDate.ofInstant(at, zone).toEpochDay();
    }

    static LocalDate date(int epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }

    static YearMonth month(int epochDay) {
        return YearMonth.from(LocalDate.ofEpochDay(epochDay));
    }
}
