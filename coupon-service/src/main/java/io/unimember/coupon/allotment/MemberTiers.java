package io.unimember.coupon.allotment;

import static io.unimember.coupon.support.Times.ts;

import io.unimember.common.events.TierChanged;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The local projection of tier.changed: each member's tier and monthly 神券 count, newest version wins. */
@Repository
class MemberTiers {

    record Due(String memberId, String tier, int monthlyCoupons) {}

    private final JdbcClient jdbc;

    MemberTiers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Applies the event unless a newer version is already projected. */
    void apply(TierChanged e, Instant now) {
        int updated = jdbc.sql(
                        """
                UPDATE member_tier SET tier = ?, monthly_coupons = ?, version = ?, updated_at = ?
                 WHERE member_id = ? AND version < ?
                """)
                .params(e.to(), e.monthlyCoupons(), e.version(), ts(now), e.memberId(), e.version())
                .update();
        if (updated == 1) {
            return;
        }
        try {
            jdbc.sql(
                            """
                    INSERT INTO member_tier (member_id, tier, monthly_coupons, version, updated_at)
                    VALUES (?, ?, ?, ?, ?)
                    """)
                    .params(e.memberId(), e.to(), e.monthlyCoupons(), e.version(), ts(now))
                    .update();
        } catch (DuplicateKeyException newerOrSame) {
            // the member's projection already holds this version or a newer one
        }
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
