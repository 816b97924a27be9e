package io.unimember.testsupport;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * A service's outbox (the {@code EVENT_PUBLICATION} table), seen from a test: to tell "not sent yet" from "never
 * sent" without sleeping. A publication is deleted once Kafka acknowledged it, so when none mentioning something is
 * left, everything the service wrote about it is on the topic, and {@link TestKafka#recordsUpToNow} reads all there
 * will be: "exactly one event" and "no event" become positive checks.
 */
public final class TestOutbox {

    private TestOutbox() {}

    /** Waits (patiently: a loaded box) until no publication in the outbox mentions {@code marker}. */
    public static void awaitSent(DataSource outbox, String marker) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> pending(outbox, marker) == 0);
    }

    /** How many publications mentioning {@code marker} the outbox still holds (unsent, or sent and not yet deleted). */
    public static long pending(DataSource outbox, String marker) throws SQLException {
        try (Connection c = outbox.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ?")) {
            s.setString(1, "%" + marker + "%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
