package io.unimember.coupon.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;

/** Instants to and from DATETIME(6) columns, which hold UTC (the connection's time zone is UTC). */
public final class Times {

    private static final DateTimeFormatter SQL_DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private Times() {}

    /** Now, at the microsecond precision the DATETIME(6) columns keep, so what is answered equals what is read back. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * An instant as a DATETIME(6) parameter: UTC text with microseconds. Not a {@code Timestamp}: Connector/J sees
     * MariaDB as MySQL "5.5.5" and then drops the fraction of every temporal parameter (it thinks the server has no
     * fractional seconds), which would make coupons issued in one second indistinguishable. Text is read back exactly
     * by MariaDB and MySQL alike.
     */
    @Contract("!null -> !null")
    public static @Nullable String ts(@Nullable Instant instant) {
        return instant == null ? null : SQL_DATETIME.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        if (value == null) {
            throw new IllegalStateException(column + " is null");
        }
        return value.toInstant();
    }

    public static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
