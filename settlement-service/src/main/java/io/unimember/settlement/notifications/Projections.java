package io.unimember.settlement.notifications;

import io.unimember.common.events.ExpiringPoints;
import io.unimember.settlement.SqlTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the notices are made from, kept from the events a batch at a time: each member's expiring points (the newest
 * balance snapshot's {@code expiring}), open coupons with their expiry, and each member's tier, growth and end of
 * retention. Older snapshots than the stored one (by version) change nothing.
 */
@Repository
class Projections {

    record Balance(String memberId, long version, List<ExpiringPoints> expiring) {}

    record Coupon(String couponId, String memberId, String name, Instant expiresAt, boolean open) {}

    record Tier(
            String memberId, String tier, long growth, @Nullable Instant retainedUntil, long version, boolean full) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Projections(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void balances(Collection<Balance> batch) {
        Map<String, Balance> newest = new LinkedHashMap<>();
        batch.forEach(b -> newest.merge(b.memberId(), b, (x, y) -> y.version() > x.version() ? y : x));
        if (newest.isEmpty()) {
            return;
        }
        Map<String, Long> stored = versions("notification_points_version", newest.keySet());
        List<Balance> fresh = newest.values().stream()
                .filter(b -> b.version() > stored.getOrDefault(b.memberId(), Long.MIN_VALUE))
                .toList();
        if (fresh.isEmpty()) {
            return;
        }
        List<String> members = fresh.stream().map(Balance::memberId).toList();
        jdbc.sql("DELETE FROM notification_expiring_points WHERE member_id IN (:m)")
                .param("m", members)
                .update();
        jdbc.sql("DELETE FROM notification_points_version WHERE member_id IN (:m)")
                .param("m", members)
                .update();
        List<Object[]> lots = new ArrayList<>();
        for (Balance b : fresh) {
            Map<Instant, Long> byExpiry = new LinkedHashMap<>();
            b.expiring().forEach(e -> byExpiry.merge(e.expiresAt(), e.points(), Long::sum));
            byExpiry.forEach((at, points) -> lots.add(new Object[] {b.memberId(), SqlTimes.utc(at), points}));
        }
        template.batchUpdate(
                "INSERT INTO notification_expiring_points (member_id, expires_at, points) VALUES (?, ?, ?)", lots);
        template.batchUpdate(
                "INSERT INTO notification_points_version (member_id, version) VALUES (?, ?)",
                fresh.stream()
                        .map(b -> new Object[] {b.memberId(), b.version()})
                        .toList());
    }

    void coupons(List<Coupon> batch) {
        Map<String, Coupon> last = new LinkedHashMap<>();
        batch.forEach(c -> last.put(c.couponId(), c));
        List<Object[]> open = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        for (Coupon c : last.values()) {
            if (c.open()) {
                open.add(new Object[] {c.couponId(), c.memberId(), c.name(), SqlTimes.utc(c.expiresAt())});
            } else {
                closed.add(c.couponId());
            }
        }
        if (!open.isEmpty()) {
            template.batchUpdate(
                    "INSERT IGNORE INTO notification_coupon (coupon_id, member_id, name, expires_at) VALUES (?, ?, ?, ?)",
                    open);
        }
        if (!closed.isEmpty()) {
            jdbc.sql("DELETE FROM notification_coupon WHERE coupon_id IN (:c)")
                    .param("c", closed)
                    .update();
        }
    }

    /**
     * Tier changes replace the row; growth changes (no {@code full}) keep its end of retention. Two statements for
     * the batch whatever its size, each guarded by the version in SQL (the version is assigned last, so the guards
     * before it still compare with the stored one).
     */
    void tiers(List<Tier> batch) {
        Map<String, Tier> newest = new LinkedHashMap<>();
        batch.forEach(t -> newest.merge(t.memberId(), t, (x, y) -> y.version() > x.version() ? y : x));
        List<Object[]> full = new ArrayList<>();
        List<Object[]> growth = new ArrayList<>();
        for (Tier t : newest.values()) {
            (t.full() ? full : growth)
                    .add(new Object[] {t.memberId(), t.tier(), t.growth(), utc(t.retainedUntil()), t.version()});
        }
        String insert = "INSERT INTO notification_tier (member_id, tier, growth, retained_until, version)"
                + " VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                + " tier = IF(VALUES(version) > version, VALUES(tier), tier),"
                + " growth = IF(VALUES(version) > version, VALUES(growth), growth),";
        if (!full.isEmpty()) {
            template.batchUpdate(
                    insert + " retained_until = IF(VALUES(version) > version, VALUES(retained_until), retained_until),"
                            + " version = GREATEST(version, VALUES(version))",
                    full);
        }
        if (!growth.isEmpty()) {
            template.batchUpdate(insert + " version = GREATEST(version, VALUES(version))", growth);
        }
    }

    private Map<String, Long> versions(String table, Collection<String> members) {
        Map<String, Long> versions = new HashMap<>();
        jdbc.sql("SELECT member_id, version FROM " + table + " WHERE member_id IN (:m)")
                .param("m", members)
                .query((rs, row) -> versions.put(rs.getString("member_id"), rs.getLong("version")))
                .list();
        return versions;
    }

    private static @Nullable String utc(@Nullable Instant at) {
        return at == null ? null : SqlTimes.utc(at);
    }
}
