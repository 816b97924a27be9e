package io.unimember.tier.growth;

import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.OrderRefunded;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code growth_entry} and {@code growth_refund} tables. */
@Repository
class GrowthEntries {

    record Entry(String memberId, long amountFen, long growth, long reversed, LocalDate businessDate) {}

    /** An order's key: growth is recorded once per business unit and order id. */
    record Key(String bu, String orderId) {}

    /** A new entry of a batch: the order, the growth it earns, what refunds that came first take back, its day. */
    record NewEntry(OrderCompleted order, long growth, long reversed, LocalDate businessDate) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    GrowthEntries(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Which of {@code keys} are recorded already, in one statement. */
    Set<Key> recorded(Collection<Key> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT bu, order_id FROM growth_entry WHERE (bu, order_id) IN (:keys)")
                .param("keys", tuples(keys))
                .query((rs, n) -> new Key(rs.getString(1), rs.getString(2)))
                .list());
    }

    /** What each member's refunds of each of {@code keys} add up to, in fen, in one statement; absent: none. */
    Map<Key, Map<String, Long>> refundedFen(Collection<Key> keys) {
        Map<Key, Map<String, Long>> refunded = new HashMap<>();
        if (keys.isEmpty()) {
            return refunded;
        }
        jdbc.sql(
                        """
                        SELECT bu, order_id, member_id, SUM(refund_fen) FROM growth_refund
                        WHERE (bu, order_id) IN (:keys) GROUP BY bu, order_id, member_id""")
                .param("keys", tuples(keys))
                .query(rs -> {
                    refunded.computeIfAbsent(new Key(rs.getString(1), rs.getString(2)), k -> new HashMap<>())
                            .put(rs.getString(3), rs.getLong(4));
                });
        return refunded;
    }

    /** Records a batch's new entries in one multi-row insert; a key recorded meanwhile fails it (the batch splits). */
    void insertAll(List<NewEntry> entries, Instant now) {
        batch.batchUpdate(
                """
                INSERT INTO growth_entry (bu, order_id, member_id, amount_fen, growth, reversed, occurred_at,
                                          business_date, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                entries,
                entries.size(),
                (ps, e) -> {
                    ps.setString(1, e.order().bu());
                    ps.setString(2, e.order().orderId());
                    ps.setString(3, e.order().memberId());
                    ps.setLong(4, e.order().amountFen());
                    ps.setLong(5, e.growth());
                    ps.setLong(6, e.reversed());
                    ps.setTimestamp(7, Timestamp.from(e.order().occurredAt()));
                    ps.setObject(8, e.businessDate());
                    ps.setTimestamp(9, Timestamp.from(now));
                });
    }

    /** Each member's growth dated on or after {@code firstDay}, in one statement; a member with none is absent. */
    Map<String, Long> sumsSince(Collection<String> memberIds, LocalDate firstDay) {
        Map<String, Long> sums = new HashMap<>();
        if (memberIds.isEmpty()) {
            return sums;
        }
        jdbc.sql(
                        """
                        SELECT member_id, SUM(growth - reversed) FROM growth_entry
                        WHERE member_id IN (:members) AND business_date >= :firstDay GROUP BY member_id""")
                .param("members", memberIds)
                .param("firstDay", firstDay)
                .query(rs -> {
                    sums.put(rs.getString(1), rs.getLong(2));
                });
        return sums;
    }

    private static List<Object[]> tuples(Collection<Key> keys) {
        return keys.stream().map(k -> new Object[] {k.bu(), k.orderId()}).toList();
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
                .query((rs, n) -> rs.getString(1))
                .list();
    }
}
