package io.unimember.coupon.rewards;

import static io.unimember.coupon.support.Times.ts;

import io.unimember.common.transactions.PerTransaction;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reward rules and, per rule and member, the one grant each may make. */
@Repository
class RewardRules {

    static final String FIRST_ORDER_IN_BU = "FIRST_ORDER_IN_BU";

    record Rule(String id, String templateId) {}

    private final JdbcClient jdbc;

    RewardRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /**
     * Claims the rule's one grant for the member; false if it was already made. Two concurrent orders queue on the
     * primary key, and the second finds the first's row.
     */
    boolean claim(String ruleId, String memberId, String orderId, Instant now) {
        try {
            jdbc.sql(
                            """
                    INSERT INTO reward_grant (rule_id, member_id, order_id, outcome, granted_at)
                    VALUES (?, ?, ?, 'PENDING', ?)
                    """)
                    .params(ruleId, memberId, orderId, ts(now))
                    .update();
            return true;
        } catch (DuplicateKeyException alreadyGranted) {
            return false;
        }
    }

    void record(String ruleId, String memberId, String outcome, @Nullable String couponId) {
        jdbc.sql("UPDATE reward_grant SET outcome = ?, coupon_id = ? WHERE rule_id = ? AND member_id = ?")
                .params(outcome, couponId, ruleId, memberId)
                .update();
    }
}
