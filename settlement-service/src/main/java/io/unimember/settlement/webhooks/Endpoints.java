package io.unimember.settlement.webhooks;

import io.unimember.settlement.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhook_endpoint} rows. */
@Repository
class Endpoints {

    private static final String COLUMNS =
            "webhook_id, owner_bu, owner_merchant, url, event_types, secret, status, paused_reason, created_at";

    private final JdbcClient jdbc;

    Endpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Endpoint e) {
        jdbc.sql(
                        """
                        INSERT INTO webhook_endpoint (webhook_id, owner_bu, owner_merchant, url, event_types, secret,
                                                      status, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        e.webhookId(),
                        e.owner().bu(),
                        e.owner().merchant(),
                        e.url(),
                        String.join(",", e.events()),
                        e.secret(),
                        e.status(),
                        SqlTimes.utc(e.createdAt()))
                .update();
    }

    List<Endpoint> of(Owner owner) {
        return jdbc.sql(
                        "SELECT " + COLUMNS
                                + " FROM webhook_endpoint WHERE owner_bu = ? AND owner_merchant = ? ORDER BY created_at, webhook_id")
                .params(owner.bu(), owner.merchant())
                .query(Endpoints::map)
                .list();
    }

    int countOf(Owner owner) {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_endpoint WHERE owner_bu = ? AND owner_merchant = ?")
                .params(owner.bu(), owner.merchant())
                .query(Integer.class)
                .single();
    }

    Optional<Endpoint> find(String webhookId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE webhook_id = ?")
                .param(webhookId)
                .query(Endpoints::map)
                .optional();
    }

    /** Every endpoint of any of {@code bus}, paused ones too: their deliveries wait for them to resume. */
    List<Endpoint> ofBus(Collection<String> bus) {
        if (bus.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE owner_bu IN (:bus)")
                .param("bus", bus)
                .query(Endpoints::map)
                .list();
    }

    void setSecret(String webhookId, String secret) {
        jdbc.sql("UPDATE webhook_endpoint SET secret = ? WHERE webhook_id = ?")
                .params(secret, webhookId)
                .update();
    }

    void pause(String webhookId, String reason) {
        jdbc.sql("UPDATE webhook_endpoint SET status = 'PAUSED', paused_reason = ? WHERE webhook_id = ?")
                .params(reason, webhookId)
                .update();
    }

    void resume(String webhookId) {
        jdbc.sql(
                        """
                        UPDATE webhook_endpoint SET status = 'ACTIVE', paused_reason = NULL, failing_since = NULL
                        WHERE webhook_id = ?
                        """)
                .param(webhookId)
                .update();
    }

    void delete(String webhookId) {
        jdbc.sql("DELETE FROM webhook_delivery WHERE webhook_id = ?")
                .param(webhookId)
                .update();
        jdbc.sql("DELETE FROM webhook_endpoint WHERE webhook_id = ?")
                .param(webhookId)
                .update();
    }

    /** Endpoints that answered: no longer failing. */
    void succeeded(Collection<String> webhookIds) {
        if (!webhookIds.isEmpty()) {
            jdbc.sql(
                            "UPDATE webhook_endpoint SET failing_since = NULL WHERE webhook_id IN (:ids) AND failing_since IS NOT NULL")
                    .param("ids", webhookIds)
                    .update();
        }
    }

    /** Endpoints that failed: failing since now unless they already were. */
    void failed(Collection<String> webhookIds, Instant now) {
        if (!webhookIds.isEmpty()) {
            jdbc.sql(
                            "UPDATE webhook_endpoint SET failing_since = :now WHERE webhook_id IN (:ids) AND failing_since IS NULL")
                    .param("now", SqlTimes.utc(now))
                    .param("ids", webhookIds)
                    .update();
        }
    }

    /** Active endpoints failing since before {@code cutoff}: to pause. */
    List<Endpoint> failingSince(Instant cutoff) {
        return jdbc.sql(
                        "SELECT " + COLUMNS
                                + " FROM webhook_endpoint WHERE status = 'ACTIVE' AND failing_since IS NOT NULL AND failing_since <= ?")
                .param(SqlTimes.utc(cutoff))
                .query(Endpoints::map)
                .list();
    }

    private static Endpoint map(ResultSet rs, int row) throws SQLException {
        String types = rs.getString("event_types");
        return new Endpoint(
                rs.getString("webhook_id"),
                new Owner(rs.getString("owner_bu"), rs.getString("owner_merchant")),
                rs.getString("url"),
                types.isEmpty() ? List.of() : Arrays.asList(types.split(",")),
                rs.getString("secret"),
                rs.getString("status"),
                rs.getString("paused_reason"),
                rs.getTimestamp("created_at").toInstant());
    }
}
