package io.unimember.settlement;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Binds instants to SQL as UTC text with microseconds. Connector/J drops the fraction of a {@code Timestamp} or
 * {@code LocalDateTime} parameter when MariaDB 10.x announces itself as {@code 5.5.5-10.x} (it then believes the
 * server has no fractional seconds), which would shift usage times and price boundaries; text keeps them on MySQL
 * and MariaDB alike. Reading with {@code getTimestamp} is not affected.
 */
public final class SqlTimes {

    private static final DateTimeFormatter UTC_MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private SqlTimes() {}

    public static String utc(Instant instant) {
        return UTC_MICROS.format(instant);
    }
}
