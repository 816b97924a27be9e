package io.unimember.settlement.webhooks;

import io.unimember.settlement.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code webhook_delivery} rows: an outbox per endpoint. A row is PENDING until a 2xx makes it DELIVERED, or its
 * retry window ends and it is DEAD (an operator may replay it). Only a member's oldest pending delivery to an
 * endpoint is ever due, so each endpoint sees one member's events in order.
 */
@Repository
class Deliveries {

    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String DEAD = "DEAD";

    /** A delivery to write: {@code orderKey} is what deliveries are ordered by (the member). */
    record New(String webhookId, String eventId, String eventType, String orderKey, String body) {}

    /** A dead-lettered delivery, for the operator. */
    record Dead(
            long deliveryId,
            String webhookId,
            String eventId,
            String eventType,
            int attempts,
            @Nullable String lastError,
            Instant createdAt) {}

    /** A failed attempt's outcome: retry at {@code nextAttemptAt}, or dead when null. */
    record Failure(long deliveryId, @Nullable Instant nextAttemptAt, String error) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Deliveries(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Writes the batch's deliveries in one batched statement; one already written for (endpoint, event) stays. */
    void insertAll(List<New> deliveries, Instant now) {
        if (deliveries.isEmpty()) {
            return;
        }
        String at = SqlTimes.utc(now);
        template.batchUpdate(
                """
                INSERT IGNORE INTO webhook_delivery (webhook_id, event_id, event_type, order_key, shard, body, status,
                                                     next_attempt_at, window_start, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)
                """,
                deliveries,
                500,
                (ps, d) -> {
                    ps.setString(1, d.webhookId());
                    ps.setString(2, d.eventId());
                    ps.setString(3, d.eventType());
                    ps.setString(4, d.orderKey());
                    ps.setInt(5, shardOf(d.orderKey()));
                    ps.setString(6, d.body());
                    ps.setString(7, at);
                    ps.setString(8, at);
                    ps.setString(9, at);
                });
    }

    /** Members are spread over this many shards; a sender's workers each take their share of the shards. */
    static final int SHARDS = 64;

    static int shardOf(String orderKey) {
        return Math.floorMod(orderKey.hashCode(), SHARDS);
    }

    List<Delivery> claim(String claimer, Instant now, Instant leaseUntil, int limit) {
        return claim(claimer, now, leaseUntil, limit, 0, 1);
    }

    /**
     * Claims up to {@code limit} due deliveries for {@code claimer} until {@code leaseUntil}: each the oldest pending
     * one of its (endpoint, member), to an active endpoint, not leased by another sender, of the shards worker
     * {@code worker} of {@code workers} takes (a member's deliveries share a shard, so one worker sends them).
     */
    List<Delivery> claim(String claimer, Instant now, Instant leaseUntil, int limit, int worker, int workers) {
        List<Long> due = jdbc.sql(
                        """
                        SELECT d.delivery_id FROM webhook_delivery d
                        JOIN webhook_endpoint e ON e.webhook_id = d.webhook_id AND e.status = 'ACTIVE'
                        WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now AND MOD(d.shard, :workers) = :worker
                          AND (d.lease_until IS NULL OR d.lease_until <= :now)
                          AND NOT EXISTS (SELECT 1 FROM webhook_delivery p
                                          WHERE p.webhook_id = d.webhook_id AND p.order_key = d.order_key
                                            AND p.status = 'PENDING' AND p.delivery_id < d.delivery_id)
                        ORDER BY d.next_attempt_at, d.delivery_id
                        LIMIT :limit
                        """)
                .param("now", SqlTimes.utc(now))
                .param("limit", limit)
                .param("workers", workers)
                .param("worker", worker)
                .query((rs, n) -> rs.getLong(1))
                .list();
        if (due.isEmpty()) {
            return List.of();
        }
        jdbc.sql(
                        """
                        UPDATE webhook_delivery SET lease_until = :until, lease_owner = :claimer
                        WHERE delivery_id IN (:ids) AND status = 'PENDING'
                          AND (lease_until IS NULL OR lease_until <= :now)
                        """)
                .param("until", SqlTimes.utc(leaseUntil))
                .param("claimer", claimer)
                .param("ids", due)
                .param("now", SqlTimes.utc(now))
                .update();
        return jdbc.sql(
                        """
                        SELECT d.delivery_id, d.webhook_id, d.event_id, d.event_type, d.body, d.attempts,
                               d.window_start, e.url, e.secret
                        FROM webhook_delivery d JOIN webhook_endpoint e ON e.webhook_id = d.webhook_id
                        WHERE d.delivery_id IN (:ids) AND d.lease_owner = :claimer AND d.status = 'PENDING'
                        ORDER BY d.delivery_id
                        """)
                .param("ids", due)
                .param("claimer", claimer)
                .query(Deliveries::map)
                .list();
    }

    void delivered(Collection<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql(
                        """
                        UPDATE webhook_delivery
                        SET status = 'DELIVERED', delivered_at = :now, attempts = attempts + 1,
                            lease_until = NULL, lease_owner = NULL
                        WHERE delivery_id IN (:ids)
                        """)
                .param("now", SqlTimes.utc(now))
                .param("ids", ids)
                .update();
    }

    void failed(List<Failure> failures) {
        if (failures.isEmpty()) {
            return;
        }
        template.batchUpdate(
                """
                UPDATE webhook_delivery
                SET status = ?, next_attempt_at = COALESCE(?, next_attempt_at), attempts = attempts + 1,
                    last_error = ?, lease_until = NULL, lease_owner = NULL
                WHERE delivery_id = ?
                """,
                failures,
                500,
                (ps, f) -> {
                    ps.setString(1, f.nextAttemptAt() == null ? DEAD : PENDING);
                    ps.setString(2, f.nextAttemptAt() == null ? null : SqlTimes.utc(f.nextAttemptAt()));
                    ps.setString(3, f.error().length() > 500 ? f.error().substring(0, 500) : f.error());
                    ps.setLong(4, f.deliveryId());
                });
    }

    List<Dead> dead(@Nullable String webhookId, long after, int limit) {
        return jdbc.sql(
                        """
                        SELECT delivery_id, webhook_id, event_id, event_type, attempts, last_error, created_at
                        FROM webhook_delivery
                        WHERE status = 'DEAD' AND delivery_id > :after AND (:webhook IS NULL OR webhook_id = :webhook)
                        ORDER BY delivery_id LIMIT :limit
                        """)
                .param("after", after)
                .param("webhook", webhookId)
                .param("limit", limit)
                .query((rs, row) -> new Dead(
                        rs.getLong("delivery_id"),
                        rs.getString("webhook_id"),
                        rs.getString("event_id"),
                        rs.getString("event_type"),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Dead deliveries (all of an endpoint's, or the listed ones) pending again from now, with a fresh window. */
    int replay(@Nullable String webhookId, List<Long> ids, Instant now) {
        return jdbc.sql(
                        """
                        UPDATE webhook_delivery
                        SET status = 'PENDING', next_attempt_at = :now, attempts = 0, window_start = :now
                        WHERE status = 'DEAD' AND (:webhook IS NULL OR webhook_id = :webhook)
                          AND (:any = 1 OR delivery_id IN (:ids))
                        """)
                .param("now", SqlTimes.utc(now))
                .param("webhook", webhookId)
                .param("any", ids.isEmpty() ? 1 : 0)
                .param("ids", ids.isEmpty() ? List.of(-1L) : ids)
                .update();
    }

    /** A resumed endpoint's pending deliveries are due at once; their retry window goes on from when it began. */
    void dueNow(String webhookId, Instant now) {
        jdbc.sql(
                        """
                        UPDATE webhook_delivery SET next_attempt_at = :now
                        WHERE webhook_id = :webhook AND status = 'PENDING'
                        """)
                .param("now", SqlTimes.utc(now))
                .param("webhook", webhookId)
                .update();
    }

    /**
     * Dead-letters what paused endpoints were owed for longer than the retry window: nothing retries them while the
     * endpoint is paused, and an operator replays them from the dead-letter list.
     */
    int deadLetterPausedBefore(Instant windowStartedBefore) {
        return jdbc.sql(
                        """
                        UPDATE webhook_delivery d JOIN webhook_endpoint e ON e.webhook_id = d.webhook_id
                        SET d.status = 'DEAD', d.last_error = 'the endpoint was paused past the retry window'
                        WHERE e.status = 'PAUSED' AND d.status = 'PENDING' AND d.window_start <= :cutoff
                        """)
                .param("cutoff", SqlTimes.utc(windowStartedBefore))
                .update();
    }

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        return new Delivery(
                rs.getLong("delivery_id"),
                rs.getString("webhook_id"),
                rs.getString("event_id"),
                rs.getString("event_type"),
                rs.getString("body"),
                rs.getInt("attempts"),
                rs.getTimestamp("window_start").toInstant(),
                rs.getString("url"),
                rs.getString("secret"));
    }
}
