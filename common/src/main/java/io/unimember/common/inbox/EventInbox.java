package io.unimember.common.inbox;

import io.unimember.common.events.EventEnvelope;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which events each consumer has applied: {@link EventBatches} records a batch's event ids in {@code
 * processed_event} in the same transaction as their change, so a redelivered event finds its id and changes nothing,
 * and a crash before commit leaves neither the change nor the record.
 */
public class EventInbox {

    private static final String INSERT =
            "INSERT INTO processed_event (consumer, event_id, event_type, processed_at) VALUES (?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcOperations jdbcOperations;
    private final Clock clock;

    public EventInbox(JdbcClient jdbc, JdbcOperations jdbcOperations, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcOperations = jdbcOperations;
        this.clock = clock;
    }

    /**
     * Records, in one statement, every event of {@code events} this consumer has not applied yet, and returns their
     * ids; the caller applies exactly those, in the same transaction. An id another transaction records at the same
     * moment fails this one with a duplicate key, and the caller's retry then finds it recorded.
     */
    public Set<UUID> markNew(String consumer, List<EventEnvelope> events) {
        Map<UUID, EventEnvelope> byId = new LinkedHashMap<>();
        events.forEach(e -> byId.putIfAbsent(e.eventId(), e));
        if (byId.isEmpty()) {
            return new LinkedHashSet<>();
        }
        List<String> ids = byId.keySet().stream().map(UUID::toString).toList();
        List<String> seen = jdbc.sql(
                        "SELECT event_id FROM processed_event WHERE consumer = :consumer AND event_id IN (:ids)")
                .param("consumer", consumer)
                .param("ids", ids)
                .query(String.class)
                .list();
        seen.forEach(id -> byId.remove(UUID.fromString(id)));
        if (!byId.isEmpty()) {
            Timestamp now = Timestamp.from(clock.instant());
            List<EventEnvelope> fresh = List.copyOf(byId.values());
            jdbcOperations.batchUpdate(INSERT, fresh, fresh.size(), (ps, e) -> {
                ps.setString(1, consumer);
                ps.setString(2, e.eventId().toString());
                ps.setString(3, e.type());
                ps.setTimestamp(4, now);
            });
        }
        return new LinkedHashSet<>(byId.keySet());
    }
}
