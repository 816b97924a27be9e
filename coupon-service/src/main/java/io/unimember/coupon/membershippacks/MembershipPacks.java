package io.unimember.coupon.membershippacks;

import static io.unimember.coupon.support.Times.ts;

import io.unimember.common.events.MembershipTerms.CouponPack;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code membership_pack} projection and the {@code membership_pack_issue} rows that make a month once. */
@Repository
class MembershipPacks {

    /** A paid member's monthly coupons, until {@code endsAt}, for the paid purchase {@code purchaseId}. */
    record Pack(
            String memberId,
            String planCode,
            List<CouponPack> coupons,
            Instant endsAt,
            @org.jspecify.annotations.Nullable String purchaseId) {}

    private static final TypeReference<List<CouponPack>> COUPONS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper mapper;

    MembershipPacks(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** The member's pack as of event {@code version}, unless a newer event was projected already. */
    void apply(
            String memberId,
            String planCode,
            String purchaseId,
            List<CouponPack> coupons,
            Instant endsAt,
            long version,
            Instant now) {
        // MySQL and MariaDB assign left to right and later assignments see earlier ones: version goes last
        jdbc.sql(
                        """
                        INSERT INTO membership_pack (member_id, plan_code, purchase_id, coupons, ends_at, version,
                                                     updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE
                            plan_code = IF(VALUES(version) > version, VALUES(plan_code), plan_code),
                            purchase_id = IF(VALUES(version) > version, VALUES(purchase_id), purchase_id),
                            coupons = IF(VALUES(version) > version, VALUES(coupons), coupons),
                            ends_at = IF(VALUES(version) > version, VALUES(ends_at), ends_at),
                            updated_at = IF(VALUES(version) > version, VALUES(updated_at), updated_at),
                            version = GREATEST(version, VALUES(version))""")
                .params(
                        memberId,
                        planCode,
                        purchaseId,
                        mapper.writeValueAsString(coupons),
                        ts(endsAt),
                        version,
                        ts(now))
                .update();
    }

    /** The membership ended at {@code endsAt} (lapsed, refunded), as of event {@code version}. */
    void end(String memberId, Instant endsAt, long version, Instant now) {
        jdbc.sql(
                        """
                        UPDATE membership_pack SET ends_at = ?, version = ?, updated_at = ?
                        WHERE member_id = ? AND version < ?""")
                .params(ts(endsAt), version, ts(now), memberId, version)
                .update();
    }

    Optional<Pack> find(String memberId) {
        return jdbc.sql(
                        "SELECT member_id, plan_code, coupons, ends_at, purchase_id FROM membership_pack WHERE member_id = ?")
                .param(memberId)
                .query((rs, n) -> new Pack(
                        rs.getString(1),
                        rs.getString(2),
                        mapper.readValue(rs.getString(3), COUPONS),
                        io.unimember.coupon.support.Times.instant(rs, "ends_at"),
                        rs.getString(5)))
                .optional();
    }

    /** Members after {@code after} whose membership runs at {@code now} and whose {@code month} is not issued yet. */
    List<String> dueFor(String month, Instant now, String after, int limit) {
        return jdbc.sql(
                        """
                        SELECT p.member_id FROM membership_pack p
                          LEFT JOIN membership_pack_issue i ON i.member_id = p.member_id AND i.month = ?
                         WHERE i.member_id IS NULL AND p.ends_at > ? AND p.member_id > ?
                         ORDER BY p.member_id LIMIT ?""")
                .params(month, ts(now), after, limit)
                .query((rs, n) -> rs.getString(1)) // member_id is the key: never NULL
                .list();
    }

    /** Claims the member's month; false if it was issued already (here or on another instance). */
    boolean claim(String memberId, String month, String planCode, Instant now) {
        try {
            jdbc.sql(
                            """
                            INSERT INTO membership_pack_issue (member_id, month, plan_code, issued, outcome, issued_at)
                            VALUES (?, ?, ?, 0, 'PENDING', ?)""")
                    .params(memberId, month, planCode, ts(now))
                    .update();
            return true;
        } catch (DuplicateKeyException issuedAlready) {
            return false;
        }
    }

    /**
     * Gives back the member's month claims made since {@code since}: a refund took those months' coupons back, so a
     * later purchase in the same month is issued the month anew. Returns how many.
     */
    int releaseClaimsSince(String memberId, Instant since) {
        return jdbc.sql("DELETE FROM membership_pack_issue WHERE member_id = ? AND issued_at >= ?")
                .params(memberId, ts(since))
                .update();
    }

    void record(String memberId, String month, int issued, String outcome) {
        jdbc.sql("UPDATE membership_pack_issue SET issued = ?, outcome = ? WHERE member_id = ? AND month = ?")
                .params(issued, outcome, memberId, month)
                .update();
    }
}
