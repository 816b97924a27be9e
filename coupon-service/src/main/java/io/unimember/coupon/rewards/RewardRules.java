package io.unimember.coupon.rewards;

import static io.unimember.coupon.support.Times.ts;

import io.unimember.common.transactions.PerTransaction;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reward rules and, per rule and member, the one grant each may make. */
@Repository
class RewardRules {

    static final String FIRST_ORDER_IN_BU = "FIRST_ORDER_IN_BU";

    record Rule(String id, String templateId) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    RewardRules(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The unit's active first-order rules, read once per transaction and unit (a batch of orders shares them). */
    List<Rule> activeFirstOrderRules(String bu) {
        return PerTransaction.get(List.of(RewardRules.class, bu), () -> readActiveFirstOrderRules(bu));
    }

    private List<Rule> readActiveFirstOrderRules(String bu) {
        return jdbc.sql("SELECT id, template_id FROM reward_rule WHERE bu = ? AND trigger_type = ? AND active")
                .params(bu, FIRST_ORDER_IN_BU)
                .query((rs, n) -> new Rule(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** A grant a rule made, or why it could not: one per rule and member. */
    record Grant(String ruleId, String memberId, String orderId, String outcome, @Nullable String couponId) {}

    /**
     * Claims each grant's (rule, member) key, in two statements: the keys are inserted as PENDING, or locked where
     * they exist, then read back; the ones still PENDING with this grant's order are this transaction's to make.
     * A concurrent claim of the same key waits for the one before it to commit and then finds it made.
     */
    Set<List<String>> claimAll(List<Grant> grants, Instant now) {
        write(grants, now, " ON DUPLICATE KEY UPDATE rule_id = rule_id");
        Set<List<String>> ours = new HashSet<>();
        jdbc.sql(
                        """
                        SELECT rule_id, member_id, order_id, outcome FROM reward_grant
                        WHERE (rule_id, member_id) IN (:keys)""")
                .param(
                        "keys",
                        grants.stream()
                                .map(g -> new Object[] {g.ruleId(), g.memberId()})
                                .toList())
                .query(rs -> {
                    if ("PENDING".equals(rs.getString(4))) {
                        ours.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                });
        Set<List<String>> claimed = new HashSet<>();
        for (Grant g : grants) {
            if (ours.contains(List.of(g.ruleId(), g.memberId(), g.orderId()))) {
                claimed.add(List.of(g.ruleId(), g.memberId()));
            }
        }
        return claimed;
    }

    /** Records what the claimed grants came to, in one statement. */
    void recordAll(List<Grant> grants, Instant now) {
        write(grants, now, " ON DUPLICATE KEY UPDATE outcome = VALUES(outcome), coupon_id = VALUES(coupon_id)");
    }

    private void write(List<Grant> grants, Instant now, String onDuplicate) {
        batch.batchUpdate(
                """
                INSERT INTO reward_grant (rule_id, member_id, order_id, outcome, coupon_id, granted_at)
                VALUES (?, ?, ?, ?, ?, ?)"""
                        + onDuplicate,
                grants,
                grants.size(),
                (ps, g) -> {
                    ps.setString(1, g.ruleId());
                    ps.setString(2, g.memberId());
                    ps.setString(3, g.orderId());
                    ps.setString(4, g.outcome());
                    ps.setString(5, g.couponId());
                    ps.setString(6, ts(now));
                });
    }
}
