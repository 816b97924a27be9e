package io.unimember.coupon.campaigns;

import static io.unimember.coupon.support.Times.instant;
import static io.unimember.coupon.support.Times.ts;

import io.unimember.common.events.OrderCompleted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The completed orders campaigns have seen, once each by (bu, orderId): what firstInBu, nthOrder and CROSS_BU read
 * about a member's past, and what the uplift report counts. Each batch costs a fixed handful of statements.
 */
@Repository
class MemberOrders {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    MemberOrders(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The batch's orders not seen before (an order sent again under a new event id is evaluated once), in order. */
    List<OrderCompleted> unseen(List<OrderCompleted> orders) {
        Map<List<String>, OrderCompleted> byKey = new LinkedHashMap<>();
        orders.forEach(o -> byKey.putIfAbsent(List.of(o.bu(), o.orderId()), o));
        Set<List<String>> seen = new HashSet<>();
        jdbc.sql("SELECT bu, order_id FROM campaign_order WHERE (bu, order_id) IN (:keys)")
                .param(
                        "keys",
                        byKey.keySet().stream()
                                .map(k -> new Object[] {k.get(0), k.get(1)})
                                .toList())
                .query(rs -> {
                    seen.add(List.of(rs.getString(1), rs.getString(2)));
                });
        byKey.keySet().removeAll(seen);
        return new ArrayList<>(byKey.values());
    }

    void insertAll(List<OrderCompleted> orders) {
        if (orders.isEmpty()) {
            return;
        }
        batch.batchUpdate(
                """
                INSERT IGNORE INTO campaign_order (bu, order_id, member_id, amount_fen, completed_at)
                VALUES (?, ?, ?, ?, ?)""",
                orders,
                orders.size(),
                (ps, o) -> {
                    ps.setString(1, o.bu());
                    ps.setString(2, o.orderId());
                    ps.setString(3, o.memberId());
                    ps.setLong(4, o.amountFen());
                    ps.setString(5, ts(o.occurredAt()));
                });
    }

    /** What each member had ordered in each BU before the batch: a count and the latest order's time. */
    History historyOf(Collection<String> members) {
        History history = new History(new HashMap<>());
        if (members.isEmpty()) {
            return history;
        }
        jdbc.sql(
                        """
                SELECT member_id, bu, COUNT(*), MAX(completed_at) AS latest FROM campaign_order
                 WHERE member_id IN (:members) GROUP BY member_id, bu""")
                .param("members", List.copyOf(new HashSet<>(members)))
                .query(rs -> {
                    history.put(rs.getString(1), rs.getString(2), rs.getLong(3), instant(rs, "latest"));
                });
        return history;
    }

    /** A member whose latest order (in any BU) is older than asked. */
    record Inactive(String memberId, Instant latest) {}

    /** The members after {@code afterMember} whose latest order was before {@code before}, in id order. */
    List<Inactive> inactiveSince(Instant before, String afterMember, int limit) {
        return jdbc.sql(
                        """
                SELECT member_id, MAX(completed_at) AS latest FROM campaign_order WHERE member_id > ?
                 GROUP BY member_id HAVING MAX(completed_at) < ? ORDER BY member_id LIMIT ?""")
                .params(afterMember, ts(before), limit)
                .query((rs, n) -> new Inactive(rs.getString(1), instant(rs, "latest")))
                .list();
    }

    /** Per (member, BU): how many orders and the latest one, moved on as the batch's orders are evaluated. */
    record History(Map<List<String>, Seen> seen) {

        record Seen(long count, Instant latest) {}

        void put(String member, String bu, long count, Instant latest) {
            seen.put(List.of(member, bu), new Seen(count, latest));
        }

        long count(String member, String bu) {
            Seen s = seen.get(List.of(member, bu));
            return s == null ? 0 : s.count();
        }

        @Nullable
        Instant latest(String member, String bu) {
            Seen s = seen.get(List.of(member, bu));
            return s == null ? null : s.latest();
        }

        void record(OrderCompleted o) {
            seen.merge(
                    List.of(o.memberId(), o.bu()),
                    new Seen(1, o.occurredAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS)),
                    (a, b) -> new Seen(a.count() + 1, a.latest().isAfter(b.latest()) ? a.latest() : b.latest()));
        }
    }
}
