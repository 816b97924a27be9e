package io.unimember.tier.paidmembership;

import static io.unimember.tier.paidmembership.PaidMemberships.ts;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code membership_benefit_use} table: every use of a counted benefit. */
@Repository
class BenefitUses {

    /** What a purchase's period has used: how many uses, and their face value summed. */
    record Used(int count, long faceValueFen) {}

    private final JdbcClient jdbc;

    BenefitUses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Uses of each counted benefit by the member in the month, keyed by benefit. A refunded purchase's uses no longer
     * count: the refund charged their face value, and a membership bought after it starts the month afresh
     * (decision 0065).
     */
    Map<String, Integer> usedIn(String memberId, String month) {
        return jdbc
                .sql(
                        """
                        SELECT u.benefit, COUNT(*) AS uses FROM membership_benefit_use u
                        JOIN membership_purchase p ON p.purchase_id = u.purchase_id
                        WHERE u.member_id = ? AND u.period = ? AND p.status <> 'REFUNDED' GROUP BY u.benefit""")
                .params(memberId, month)
                .query((rs, n) -> Map.entry(rs.getString("benefit"), rs.getInt("uses")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void add(
            String bu,
            String useId,
            String memberId,
            String benefit,
            String month,
            String purchaseId,
            long faceValueFen,
            Instant now) {
        jdbc.sql(
                        """
                        INSERT INTO membership_benefit_use
                          (bu, use_id, member_id, benefit, period, purchase_id, face_value_fen, used_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(bu, useId, memberId, benefit, month, purchaseId, faceValueFen, ts(now))
                .update();
    }

    /** {@link #add}, unless the (bu, use id) is recorded already: a redelivered coupon redemption counts once. */
    void addOnce(
            String bu,
            String useId,
            String memberId,
            String benefit,
            String month,
            String purchaseId,
            long faceValueFen,
            Instant now) {
        jdbc.sql(
                        """
                        INSERT INTO membership_benefit_use
                          (bu, use_id, member_id, benefit, period, purchase_id, face_value_fen, used_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE use_id = use_id""")
                .params(bu, useId, memberId, benefit, month, purchaseId, faceValueFen, ts(now))
                .update();
    }

    Used byPurchase(String purchaseId) {
        return jdbc.sql(
                        """
                        SELECT COUNT(*) AS uses, COALESCE(SUM(face_value_fen), 0) AS face
                        FROM membership_benefit_use WHERE purchase_id = ?""")
                .param(purchaseId)
                .query((rs, n) -> new Used(rs.getInt("uses"), rs.getLong("face")))
                .single();
    }
}
