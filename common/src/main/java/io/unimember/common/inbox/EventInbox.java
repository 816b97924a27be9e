package io.unimember.common.inbox;

import io.unimember.common.events.EventEnvelope;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies each event at most once per consumer: the event id is recorded in {@code processed_event} in the same
 * transaction as the change, so a redelivered event finds its id and changes nothing, and a crash before commit
 * leaves neither the change nor the record.
 */
public class EventInbox {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public EventInbox(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** Runs {@code change} unless this consumer already applied the event; returns whether it ran. */
    public boolean applyOnce(String consumer, EventEnvelope event, Runnable change) {
        Boolean applied = tx.execute(status -> {
            if (!markNew(consumer, event)) {
                return false;
            }
            change.run();
            return true;
        });
        return Boolean.TRUE.equals(applied);
    }

    public boolean alreadyApplied(String consumer, EventEnvelope event) {
        return jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE consumer = ? AND event_id = ?")
                        .params(consumer, event.eventId().toString())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private boolean markNew(String consumer, EventEnvelope event) {
        try {
            jdbc.sql("INSERT INTO processed_event (consumer, event_id, event_type, processed_at) VALUES (?, ?, ?, ?)")
                    .params(consumer, event.eventId().toString(), event.type(), Timestamp.from(clock.instant()))
                    .update();
            return true;
        } catch (DuplicateKeyException alreadyApplied) {
            return false;
        }
    }
}
