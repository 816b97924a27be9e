package io.unimember.tier.growth;

import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.OrderRefunded;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code growth_entry} and {@code growth_refund} tables. */
@Repository
class GrowthEntries {

    record Entry(String memberId, long amountFen, long growth, long reversed, LocalDate businessDate) {}

    private final JdbcClient jdbc;

    GrowthEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an order's growth once per (bu, orderId); false if it was already recorded. */
    boolean insert(OrderCompleted order, long growth, LocalDate businessDate, Instant now) {
        try {
            jdbc.sql(
                            """
                            INSERT INTO growth_entry (bu, order_id, member_id, amount_fen, growth, reversed, occurred_at,
                                                      business_date, recorded_at)
                            VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)""")
                    .params(
                            order.bu(),
                            order.orderId(),
                            order.memberId(),
                            order.amountFen(),
                            growth,
                            Timestamp.from(order.occurredAt()),
                            businessDate,
                            Timestamp.from(now))
                    .update();
            return true;
        } catch (DuplicateKeyException alreadyRecorded) {
            return false;
        }
    }

    /** Records a refund once per (bu, orderId, refundId); false if it was already recorded. */
    boolean insertRefund(OrderRefunded refund, Instant now) {
        try {
            jdbc.sql(
                            """
                            INSERT INTO growth_refund (bu, order_id, refund_id, member_id, refund_fen, order_amount_fen,
                                                       occurred_at, recorded_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            refund.bu(),
                            refund.orderId(),
                            refund.refundId(),
                            refund.memberId(),
                            refund.refundFen(),
                            refund.orderAmountFen(),
                            Timestamp.from(refund.occurredAt()),
                            Timestamp.from(now))
                    .update();
            return true;
        } catch (DuplicateKeyException alreadyRecorded) {
            return false;
        }
    }

    Optional<Entry> find(String bu, String orderId) {
        return jdbc.sql(
                        """
                        SELECT member_id, amount_fen, growth, reversed, business_date
                        FROM growth_entry WHERE bu = ? AND order_id = ?""")
                .params(bu, orderId)
                .query((rs, n) -> new Entry(
                        rs.getString("member_id"),
                        rs.getLong("amount_fen"),
                        rs.getLong("growth"),
                        rs.getLong("reversed"),
                        rs.getObject("business_date", LocalDate.class)))
                .optional();
    }

    /** What the member's refunds of an order add up to, in fen. */
    long refundedFen(String bu, String orderId, String memberId) {
        return jdbc.sql(
                        """
                        SELECT COALESCE(SUM(refund_fen), 0) FROM growth_refund
                        WHERE bu = ? AND order_id = ? AND member_id = ?""")
                .params(bu, orderId, memberId)
                .query(Long.class)
                .single();
    }

    void setReversed(String bu, String orderId, long reversed) {
        jdbc.sql("UPDATE growth_entry SET reversed = ? WHERE bu = ? AND order_id = ?")
                .params(reversed, bu, orderId)
                .update();
    }

    long sumSince(String memberId, LocalDate firstDay) {
        return jdbc.sql(
                        """
                        SELECT COALESCE(SUM(growth - reversed), 0) FROM growth_entry
                        WHERE member_id = ? AND business_date >= ?""")
                .params(memberId, firstDay)
                .query(Long.class)
                .single();
    }

    /** Members with growth dated in [from, to]; the window refresh asks for the days that just left the window. */
    List<String> membersWithEntriesBetween(LocalDate from, LocalDate to, String afterMemberId, int limit) {
        return jdbc.sql(
                        """
                        SELECT DISTINCT member_id FROM growth_entry
                        WHERE business_date BETWEEN ? AND ? AND member_id > ?
                        ORDER BY member_id LIMIT ?""")
                .params(from, to, afterMemberId, limit)
                .query(String.class)
                .list();
    }
}
