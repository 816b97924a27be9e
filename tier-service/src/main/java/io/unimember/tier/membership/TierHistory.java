package io.unimember.tier.membership;

import io.unimember.tier.evaluation.Step;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code tier_history} table: every {@code tier.changed} about a member. */
@Repository
class TierHistory {

    private final JdbcClient jdbc;

    TierHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(String memberId, Step step, long growth, long version, Instant at) {
        jdbc.sql(
                        """
                        INSERT INTO tier_history (member_id, from_tier, to_tier, reason, growth, version, changed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(memberId, step.from(), step.to(), step.reason().name(), growth, version, Timestamp.from(at))
                .update();
    }

    List<MemberQueries.Change> newest(String memberId, int limit) {
        return jdbc.sql(
                        """
                        SELECT from_tier, to_tier, reason, growth, changed_at FROM tier_history
                        WHERE member_id = ? ORDER BY id DESC LIMIT ?""")
                .params(memberId, limit)
                .query((rs, n) -> new MemberQueries.Change(
                        rs.getString("from_tier"),
                        rs.getString("to_tier"),
                        rs.getString("reason"),
                        rs.getLong("growth"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }
}
