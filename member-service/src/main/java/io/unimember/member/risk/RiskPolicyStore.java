package io.unimember.member.risk;

import io.unimember.common.risk.Checkpoint;
import io.unimember.common.risk.Counter;
import io.unimember.common.risk.Dimension;
import io.unimember.common.risk.RiskPolicy;
import io.unimember.common.risk.RiskRule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rules and thresholds as stored; every write bumps the policy's version in the same transaction. */
@Repository
class RiskPolicyStore {

    private final JdbcClient jdbc;

    RiskPolicyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    RiskPolicy load() {
        return jdbc.sql("SELECT version, review_at, deny_at FROM risk_policy WHERE id = 1")
                .query((rs, n) -> new RiskPolicy(rs.getLong(1), rs.getInt(2), rs.getInt(3), rules()))
                .single();
    }

    List<RiskRule> rules() {
        return jdbc.sql("SELECT * FROM risk_rule ORDER BY checkpoint, rule_id")
                .query(RiskPolicyStore::rule)
                .list();
    }

    Optional<RiskRule> find(String ruleId) {
        return jdbc.sql("SELECT * FROM risk_rule WHERE rule_id = :id")
                .param("id", ruleId)
                .query(RiskPolicyStore::rule)
                .optional();
    }

    void insert(RiskRule rule, Instant now) {
        jdbc.sql(
                        """
                INSERT INTO risk_rule (rule_id, name, checkpoint, counter, dimension, window_seconds, threshold, score,
                                       enabled, updated_at)
                VALUES (:id, :name, :checkpoint, :counter, :dimension, :window, :threshold, :score, :enabled, :at)
                """)
                .params(params(rule, now))
                .update();
        bump(now);
    }

    void update(RiskRule rule, Instant now) {
        jdbc.sql(
                        """
                UPDATE risk_rule SET name = :name, checkpoint = :checkpoint, counter = :counter,
                  dimension = :dimension, window_seconds = :window, threshold = :threshold, score = :score,
                  enabled = :enabled, updated_at = :at
                WHERE rule_id = :id
                """)
                .params(params(rule, now))
                .update();
        bump(now);
    }

    void thresholds(int reviewAt, int denyAt, Instant now) {
        jdbc.sql("UPDATE risk_policy SET review_at = :review, deny_at = :deny WHERE id = 1")
                .param("review", reviewAt)
                .param("deny", denyAt)
                .update();
        bump(now);
    }

    private void bump(Instant now) {
        jdbc.sql("UPDATE risk_policy SET version = version + 1, updated_at = :at WHERE id = 1")
                .param("at", Timestamp.from(now))
                .update();
    }

    private static java.util.Map<String, Object> params(RiskRule rule, Instant now) {
        return java.util.Map.of(
                "id", rule.id(),
                "name", rule.name(),
                "checkpoint", rule.checkpoint().name(),
                "counter", rule.counter().name(),
                "dimension", rule.dimension().name(),
                "window", rule.window().toSeconds(),
                "threshold", rule.threshold(),
                "score", rule.score(),
                "enabled", rule.enabled(),
                "at", Timestamp.from(now));
    }

    private static RiskRule rule(ResultSet rs, int row) throws SQLException {
        return new RiskRule(
                rs.getString("rule_id"),
                rs.getString("name"),
                Checkpoint.valueOf(rs.getString("checkpoint")),
                Counter.valueOf(rs.getString("counter")),
                Dimension.valueOf(rs.getString("dimension")),
                Duration.ofSeconds(rs.getLong("window_seconds")),
                rs.getInt("threshold"),
                rs.getInt("score"),
                rs.getBoolean("enabled"));
    }
}
