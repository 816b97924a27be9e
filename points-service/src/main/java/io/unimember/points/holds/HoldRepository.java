package io.unimember.points.holds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Holds; a hold leaves HELD only through a guarded update, so it resolves once. */
@Repository
class HoldRepository {

    private static final String COLUMNS = "bu, hold_id, member_id, points, order_ref, status, expires_at, resolved_at";

    /** A due hold, named by its key. */
    record Due(String bu, String holdId) {}

    private final JdbcClient jdbc;

    HoldRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Hold hold, Instant now) {
        jdbc.sql("INSERT INTO points_hold (bu, hold_id, member_id, points, order_ref, status, expires_at, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        hold.bu(),
                        hold.holdId(),
                        hold.memberId(),
                        hold.points(),
                        hold.orderRef(),
                        hold.status().name(),
                        Timestamp.from(hold.expiresAt()),
                        Timestamp.from(now))
                .update();
    }

    Optional<Hold> find(String bu, String holdId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM points_hold WHERE bu = ? AND hold_id = ?")
                .params(bu, holdId)
                .query(HoldRepository::map)
                .optional();
    }

    Optional<Hold> lock(String bu, String holdId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM points_hold WHERE bu = ? AND hold_id = ? FOR UPDATE")
                .params(bu, holdId)
                .query(HoldRepository::map)
                .optional();
    }

    /** Moves a hold out of HELD; false if it already left it. */
    boolean resolve(Hold hold, HoldStatus to, Instant now) {
        return jdbc.sql("UPDATE points_hold SET status = ?, resolved_at = ? WHERE bu = ? AND hold_id = ?"
                                + " AND status = 'HELD'")
                        .params(to.name(), Timestamp.from(now), hold.bu(), hold.holdId())
                        .update()
                == 1;
    }

    List<Due> due(Instant now, int limit) {
        return jdbc.sql("SELECT bu, hold_id FROM points_hold WHERE status = 'HELD' AND expires_at <= ?"
                        + " ORDER BY expires_at LIMIT ?")
                .params(Timestamp.from(now), limit)
                .query((rs, n) -> new Due(rs.getString("bu"), rs.getString("hold_id")))
                .list();
    }

    private static Hold map(ResultSet rs, int n) throws SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new Hold(
                rs.getString("bu"),
                rs.getString("hold_id"),
                rs.getString("member_id"),
                rs.getLong("points"),
                rs.getString("order_ref"),
                HoldStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("expires_at").toInstant(),
                resolved == null ? null : resolved.toInstant());
    }
}
