package io.unimember.coupon.allotment;

import static io.unimember.coupon.support.Times.ts;

import io.unimember.common.events.TierChanged;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The local projection of tier.changed: each member's tier and monthly 神券 count, newest version wins. */
@Repository
class MemberTiers {

    record Due(String memberId, String tier, int monthlyCoupons) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    MemberTiers(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Applies a batch of events in one statement: per member the newest of the batch, and only where it is newer (by
     * {@code version}) than the one projected. A member's first event inserts their row.
     */
    void applyAll(List<TierChanged> events, Instant now) {
        List<TierChanged> rows = TierChanged.newestPerMember(events);
        if (rows.isEmpty()) {
            return;
        }
        // MySQL and MariaDB assign left to right and later assignments see earlier ones: version goes last
        batch.batchUpdate(
                """
                INSERT INTO member_tier (member_id, tier, monthly_coupons, version, updated_at) VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE
                    tier = IF(VALUES(version) > version, VALUES(tier), tier),
                    monthly_coupons = IF(VALUES(version) > version, VALUES(monthly_coupons), monthly_coupons),
                    updated_at = IF(VALUES(version) > version, VALUES(updated_at), updated_at),
                    version = GREATEST(version, VALUES(version))""",
                rows,
                rows.size(),
                (ps, e) -> {
                    ps.setString(1, e.memberId());
                    ps.setString(2, e.to());
                    ps.setInt(3, e.monthlyCoupons());
                    ps.setLong(4, e.version());
                    ps.setString(5, ts(now));
                });
    }

    /** Members after {@code afterMemberId} with coupons due and no allotment yet for {@code month}, in id order. */
    List<Due> dueFor(String month, String afterMemberId, int limit) {
        return jdbc.sql(
                        """
                SELECT t.member_id, t.tier, t.monthly_coupons
                  FROM member_tier t
                  LEFT JOIN tier_allotment a ON a.member_id = t.member_id AND a.month = ?
                 WHERE a.member_id IS NULL AND t.monthly_coupons > 0 AND t.member_id > ?
                 ORDER BY t.member_id
                 LIMIT ?
                """)
                .params(month, afterMemberId, limit)
                .query((rs, n) -> new Due(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .list();
    }
}
