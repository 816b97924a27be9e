package io.unimember.points.orders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders and refunds; (bu, order_id) and (bu, refund_id) are primary keys, so each is stored once. */
@Repository
class OrderRepository {

    private static final String COLUMNS = "bu, order_id, member_id, amount_fen, category, occurred_at, points_earned,"
            + " growth_earned, capped, lot_expires_at, refunded_fen, points_reversed";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    OrderRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void insert(StoredOrder o, Instant now) {
        jdbc.sql("INSERT INTO bu_order (" + COLUMNS + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(o.bu(), o.orderId(), o.memberId(), o.amountFen())
                .param(o.category()) // an order may have none; params(Object...) takes no nulls
                .params(
                        Timestamp.from(o.occurredAt()),
                        o.pointsEarned(),
                        o.growthEarned(),
                        o.capped(),
                        Timestamp.from(o.lotExpiresAt()),
                        o.refundedFen(),
                        o.pointsReversed(),
                        Timestamp.from(now))
                .update();
    }

    /** Inserts many orders in one statement. */
    void insertAll(List<StoredOrder> stored, Instant now) {
        Timestamp at = Timestamp.from(now);
        batch.batchUpdate(
                "INSERT INTO bu_order (" + COLUMNS + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                stored,
                stored.size(),
                (ps, o) -> {
                    ps.setString(1, o.bu());
                    ps.setString(2, o.orderId());
                    ps.setString(3, o.memberId());
                    ps.setLong(4, o.amountFen());
                    ps.setString(5, o.category());
                    ps.setTimestamp(6, Timestamp.from(o.occurredAt()));
                    ps.setLong(7, o.pointsEarned());
                    ps.setLong(8, o.growthEarned());
                    ps.setBoolean(9, o.capped());
                    ps.setTimestamp(10, Timestamp.from(o.lotExpiresAt()));
                    ps.setLong(11, o.refundedFen());
                    ps.setLong(12, o.pointsReversed());
                    ps.setTimestamp(13, at);
                });
    }

    Optional<StoredOrder> find(String bu, String orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bu_order WHERE bu = ? AND order_id = ?")
                .params(bu, orderId)
                .query(OrderRepository::map)
                .optional();
    }

    Optional<StoredOrder> lock(String bu, String orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bu_order WHERE bu = ? AND order_id = ? FOR UPDATE")
                .params(bu, orderId)
                .query(OrderRepository::map)
                .optional();
    }

    /** Records a refund on the order, guarded on what was refunded before so two refunds cannot both pass. */
    boolean recordRefund(StoredOrder before, long refundedFen, long pointsReversed) {
        return jdbc.sql("UPDATE bu_order SET refunded_fen = ?, points_reversed = ?"
                                + " WHERE bu = ? AND order_id = ? AND refunded_fen = ? AND ? <= amount_fen")
                        .params(
                                refundedFen,
                                pointsReversed,
                                before.bu(),
                                before.orderId(),
                                before.refundedFen(),
                                refundedFen)
                        .update()
                == 1;
    }

    /**
     * Records what an approved review credited to a parked order (which was stored earning nothing): its points and
     * growth, the share of them refunds before the approval took back, and the expiry of the lot they went to.
     * Guarded on the order still earning nothing and its refunds unchanged under the lock.
     */
    boolean recordApprovedEarning(
            StoredOrder before, long pointsEarned, long growthEarned, long pointsReversed, Instant lotExpiresAt) {
        return jdbc.sql("UPDATE bu_order SET points_earned = ?, growth_earned = ?, points_reversed = ?,"
                                + " lot_expires_at = ? WHERE bu = ? AND order_id = ? AND points_earned = 0"
                                + " AND points_reversed = 0 AND refunded_fen = ?")
                        .params(
                                pointsEarned,
                                growthEarned,
                                pointsReversed,
                                Timestamp.from(lotExpiresAt),
                                before.bu(),
                                before.orderId(),
                                before.refundedFen())
                        .update()
                == 1;
    }

    void insertRefund(
            String bu,
            String refundId,
            String orderId,
            long amountFen,
            long points,
            long shortfall,
            long returned,
            Instant now) {
        jdbc.sql("INSERT INTO order_refund (bu, refund_id, order_id, amount_fen, points_reversed, shortfall,"
                        + " points_returned, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(bu, refundId, orderId, amountFen, points, shortfall, returned, Timestamp.from(now))
                .update();
    }

    private static StoredOrder map(ResultSet rs, int n) throws SQLException {
        return new StoredOrder(
                rs.getString("bu"),
                rs.getString("order_id"),
                rs.getString("member_id"),
                rs.getLong("amount_fen"),
                rs.getString("category"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getLong("points_earned"),
                rs.getLong("growth_earned"),
                rs.getBoolean("capped"),
                rs.getTimestamp("lot_expires_at").toInstant(),
                rs.getLong("refunded_fen"),
                rs.getLong("points_reversed"));
    }
}
