package io.unimember.tier.tiers;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code tier_rule_audit} table: who changed which rule when, and the rule before and after. */
@Repository
class TierRuleAudit {

    record Entry(
            long id,
            String tierCode,
            long revision,
            String changedBy,
            Instant changedAt,
            String beforeJson,
            String afterJson) {}

    private final JdbcClient jdbc;

    TierRuleAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String code, long revision, String by, Instant at, String before, String after) {
        jdbc.sql(
                        """
                        INSERT INTO tier_rule_audit (tier_code, revision, changed_by, changed_at, before_json, after_json)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(code, revision, by, Timestamp.from(at), before, after)
                .update();
    }

    /** Newest first, entries older than {@code beforeId} when given. */
    List<Entry> page(@Nullable Long beforeId, int limit) {
        return jdbc.sql(
                        """
                        SELECT id, tier_code, revision, changed_by, changed_at, before_json, after_json
                        FROM tier_rule_audit WHERE id < ? ORDER BY id DESC LIMIT ?""")
                .params(beforeId == null ? Long.MAX_VALUE : beforeId, limit)
                .query((rs, n) -> new Entry(
                        rs.getLong("id"),
                        rs.getString("tier_code"),
                        rs.getLong("revision"),
                        rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("before_json"),
                        rs.getString("after_json")))
                .list();
    }
}
