package io.unimember.points.orders;

import io.unimember.points.earning.Earning;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Earnings a large-earning review parked ({@code parked_earning}), keyed by the review: what the order would have
 * earned, until the review's decision credits it or drops it. A row leaves PENDING once, by a guarded update.
 */
@Repository
class ParkedEarningRepository {

    enum Status {
        PENDING,
        APPROVED,
        REJECTED,
        /** Approved, but the member was frozen by then: credited nothing, as a frozen member's orders earn nothing. */
        FROZEN
    }

    record Parked(
            String reviewId,
            String bu,
            String orderId,
            String memberId,
            long points,
            long growth,
            boolean capped,
            Status status,
            Instant parkedAt) {}

    private static final String COLUMNS =
            "review_id, bu, order_id, member_id, points, growth, capped, status, parked_at";

    private final JdbcClient jdbc;

    ParkedEarningRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void park(String reviewId, String bu, String orderId, String memberId, Earning earning, Instant now) {
        jdbc.sql("INSERT INTO parked_earning (review_id, bu, order_id, member_id, points, growth, capped, status,"
                        + " parked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        reviewId,
                        bu,
                        orderId,
                        memberId,
                        earning.points(),
                        earning.growth(),
                        earning.capped(),
                        Status.PENDING.name(),
                        Timestamp.from(now))
                .update();
    }

    Optional<Parked> find(String reviewId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM parked_earning WHERE review_id = ?")
                .param(reviewId)
                .query(ParkedEarningRepository::map)
                .optional();
    }

    /** The row under lock, for deciding it: a second decision waits, then finds it decided. */
    Optional<Parked> lock(String reviewId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM parked_earning WHERE review_id = ? FOR UPDATE")
                .param(reviewId)
                .query(ParkedEarningRepository::map)
                .optional();
    }

    /** Moves a pending row to its decision; false if it was no longer pending. */
    boolean decide(String reviewId, Status decision, long credited, String decidedBy, Instant now) {
        return jdbc.sql("UPDATE parked_earning SET status = ?, credited = ?, decided_at = ?, decided_by = ?"
                                + " WHERE review_id = ? AND status = ?")
                        .params(
                                decision.name(),
                                credited,
                                Timestamp.from(now),
                                decidedBy,
                                reviewId,
                                Status.PENDING.name())
                        .update()
                == 1;
    }

    private static Parked map(ResultSet rs, int n) throws SQLException {
        return new Parked(
                rs.getString("review_id"),
                rs.getString("bu"),
                rs.getString("order_id"),
                rs.getString("member_id"),
                rs.getLong("points"),
                rs.getLong("growth"),
                rs.getBoolean("capped"),
                Status.valueOf(rs.getString("status")),
                rs.getTimestamp("parked_at").toInstant());
    }
}
