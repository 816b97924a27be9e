package io.unimember.coupon.campaigns;

import static io.unimember.coupon.support.Times.instant;
import static io.unimember.coupon.support.Times.ts;

import io.unimember.common.events.ExpiringPoints;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the member triggers read about members, projected from other services' events (decision 0067): when each
 * registered and their birthday's month and day ({@code member.events.v1}), and the points they have expiring when
 * ({@code points.events.v1}, each balance change carries the soonest expiring lots and a version).
 */
@Repository
class MemberFacts {

    /** A member and what fired for them: the moment named in the occurrence. */
    record Due(String memberId, Instant at) {}

    /** A member's expiring points as of a balance version. */
    record Expiring(String memberId, long version, List<ExpiringPoints> expiring) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    MemberFacts(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void registered(Map<String, Instant> registeredAt, Instant now) {
        List<Map.Entry<String, Instant>> rows = List.copyOf(registeredAt.entrySet());
        batch.batchUpdate(
                """
                INSERT INTO campaign_member (member_id, registered_at, updated_at) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE registered_at = VALUES(registered_at), updated_at = VALUES(updated_at)""",
                rows,
                rows.size(),
                (ps, r) -> {
                    ps.setString(1, r.getKey());
                    ps.setString(2, ts(r.getValue()));
                    ps.setString(3, ts(now));
                });
    }

    /** The newest birthday per member (null: erased), in the order the member's events came. */
    void birthdays(Map<String, @Nullable String> monthDays, Instant now) {
        List<Map.Entry<String, @Nullable String>> rows = new ArrayList<>(monthDays.entrySet());
        batch.batchUpdate(
                """
                INSERT INTO campaign_member (member_id, birthday_md, updated_at) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE birthday_md = VALUES(birthday_md), updated_at = VALUES(updated_at)""",
                rows,
                rows.size(),
                (ps, r) -> {
                    ps.setString(1, r.getKey());
                    ps.setString(2, r.getValue());
                    ps.setString(3, ts(now));
                });
    }

    /**
     * Replaces each member's expiring points by the newest snapshot of the batch, where it is newer than the one
     * held (a balance event delivered again, or late, changes nothing): versions locked and compared, then the rows.
     */
    void expiring(Collection<Expiring> newest) {
        if (newest.isEmpty()) {
            return;
        }
        List<String> members = newest.stream().map(Expiring::memberId).toList();
        batch.batchUpdate(
                "INSERT IGNORE INTO campaign_member_points (member_id, version) VALUES (?, -1)",
                members,
                members.size(),
                (ps, m) -> ps.setString(1, m));
        Map<String, Long> held = new HashMap<>();
        jdbc.sql("SELECT member_id, version FROM campaign_member_points WHERE member_id IN (:members) FOR UPDATE")
                .param("members", members)
                .query(rs -> {
                    held.put(rs.getString(1), rs.getLong(2));
                });
        List<Expiring> newer = newest.stream()
                .filter(e -> e.version() > held.getOrDefault(e.memberId(), -1L))
                .toList();
        if (newer.isEmpty()) {
            return;
        }
        List<String> changed = newer.stream().map(Expiring::memberId).toList();
        jdbc.sql("DELETE FROM campaign_expiring_points WHERE member_id IN (:members)")
                .param("members", changed)
                .update();
        batch.batchUpdate(
                "UPDATE campaign_member_points SET version = ? WHERE member_id = ?", newer, newer.size(), (ps, e) -> {
                    ps.setLong(1, e.version());
                    ps.setString(2, e.memberId());
                });
        record Row(String memberId, ExpiringPoints lot) {}
        List<Row> rows = new ArrayList<>();
        newer.forEach(e -> e.expiring().stream()
                .filter(lot -> lot.points() > 0)
                .map(lot -> new Row(e.memberId(), lot))
                .distinct()
                .forEach(rows::add));
        batch.batchUpdate(
                """
                INSERT INTO campaign_expiring_points (member_id, expires_at, points) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE points = points + VALUES(points)""",
                rows,
                rows.size(),
                (ps, r) -> {
                    ps.setString(1, r.memberId());
                    ps.setString(2, ts(r.lot().expiresAt()));
                    ps.setLong(3, r.lot().points());
                });
    }

    /** Members registered in [since, until], after {@code afterMember} in id order. */
    List<Due> registeredSince(Instant since, Instant until, String afterMember, int limit) {
        return jdbc.sql(
                        """
                SELECT member_id, registered_at FROM campaign_member
                 WHERE registered_at >= ? AND registered_at <= ? AND member_id > ? ORDER BY member_id LIMIT ?""")
                .params(ts(since), ts(until), afterMember, limit)
                .query((rs, n) -> new Due(rs.getString(1), instant(rs, "registered_at")))
                .list();
    }

    /** Members whose birthday is one of {@code monthDays} ("MM-DD"), after {@code afterMember} in id order. */
    List<String> bornOn(List<String> monthDays, String afterMember, int limit) {
        return jdbc.sql(
                        """
                SELECT member_id FROM campaign_member
                 WHERE birthday_md IN (:days) AND member_id > :after ORDER BY member_id LIMIT :limit""")
                .param("days", monthDays)
                .param("after", afterMember)
                .param("limit", limit)
                .query((rs, n) -> rs.getString(1))
                .list();
    }

    /** Per member after {@code afterMember}, the soonest lot with points expiring in (now, by]. */
    List<Due> expiringBy(Instant now, Instant by, String afterMember, int limit) {
        return jdbc.sql(
                        """
                SELECT member_id, MIN(expires_at) AS soonest FROM campaign_expiring_points
                 WHERE expires_at > ? AND expires_at <= ? AND points > 0 AND member_id > ?
                 GROUP BY member_id ORDER BY member_id LIMIT ?""")
                .params(ts(now), ts(by), afterMember, limit)
                .query((rs, n) -> new Due(rs.getString(1), instant(rs, "soonest")))
                .list();
    }
}
