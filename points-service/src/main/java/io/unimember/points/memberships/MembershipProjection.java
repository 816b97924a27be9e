package io.unimember.points.memberships;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each paid member's multiplier bonus while their membership runs: {@code (multiplierBp - 10000) / 10000}, added to
 * the tier's multiplier (decision 0040). After {@code ends_at}, or without a membership, the bonus is zero.
 */
@Component
public class MembershipProjection {

    private static final BigDecimal BP = BigDecimal.valueOf(10_000);

    private final JdbcClient jdbc;
    private final Clock clock;

    MembershipProjection(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The bonuses of members whose membership runs now, in one statement; the others are not in the map. */
    public Map<String, BigDecimal> bonusesOf(Collection<String> memberIds) {
        Map<String, BigDecimal> bonuses = new HashMap<>();
        if (!memberIds.isEmpty()) {
            jdbc.sql(
                            """
                            SELECT member_id, multiplier_bp FROM member_membership
                            WHERE member_id IN (:ids) AND ends_at > :now AND multiplier_bp > 10000""")
                    .param("ids", memberIds)
                    .param("now", Timestamp.from(clock.instant()))
                    .query(rs -> {
                        bonuses.put(rs.getString(1), bonus(rs.getInt(2)));
                    });
        }
        return bonuses;
    }

    static BigDecimal bonus(int multiplierBp) {
        return BigDecimal.valueOf(multiplierBp - 10_000L).divide(BP).stripTrailingZeros();
    }

    /** A paid period: the plan's multiplier until {@code endsAt}, unless a newer event was applied already. */
    void start(String memberId, String planCode, int multiplierBp, Instant endsAt, long version) {
        Timestamp now = Timestamp.from(clock.instant());
        // MySQL and MariaDB assign left to right and later assignments see earlier ones: version goes last
        jdbc.sql(
                        """
                        INSERT INTO member_membership (member_id, plan_code, multiplier_bp, ends_at, version, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE
                            plan_code = IF(VALUES(version) > version, VALUES(plan_code), plan_code),
                            multiplier_bp = IF(VALUES(version) > version, VALUES(multiplier_bp), multiplier_bp),
                            ends_at = IF(VALUES(version) > version, VALUES(ends_at), ends_at),
                            updated_at = IF(VALUES(version) > version, VALUES(updated_at), updated_at),
                            version = GREATEST(version, VALUES(version))""")
                .params(memberId, planCode, multiplierBp, Timestamp.from(endsAt), version, now)
                .update();
    }

    /** The membership ended at {@code endedAt} (lapsed, refunded). */
    void end(String memberId, Instant endedAt, long version) {
        jdbc.sql(
                        """
                        UPDATE member_membership SET ends_at = ?, version = ?, updated_at = ?
                        WHERE member_id = ? AND version < ?""")
                .params(Timestamp.from(endedAt), version, Timestamp.from(clock.instant()), memberId, version)
                .update();
    }
}
