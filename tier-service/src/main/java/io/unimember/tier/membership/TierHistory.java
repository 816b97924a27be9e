package io.unimember.tier.membership;

import io.unimember.common.transactions.TransactionScoped;
import io.unimember.tier.evaluation.Step;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code tier_history} table: every {@code tier.changed} about a member. A transaction's rows are written
 * together just before it commits, in one statement however many members a batch moved.
 */
@Repository
class TierHistory {

    private record Row(String memberId, Step step, long growth, long version, Instant at) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    TierHistory(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void add(String memberId, Step step, long growth, long version, Instant at) {
        Row row = new Row(memberId, step, growth, version, at);
        List<Row> pending = TransactionScoped.get(this, ArrayList::new, this::insert);
        if (pending == null) {
            insert(List.of(row));
        } else {
            pending.add(row);
        }
    }

    private void insert(List<Row> rows) {
        batch.batchUpdate(
                """
                INSERT INTO tier_history (member_id, from_tier, to_tier, reason, growth, version, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                rows,
                rows.size(),
                (ps, r) -> {
                    ps.setString(1, r.memberId());
                    ps.setString(2, r.step().from());
                    ps.setString(3, r.step().to());
                    ps.setString(4, r.step().reason().name());
                    ps.setLong(5, r.growth());
                    ps.setLong(6, r.version());
                    ps.setTimestamp(7, Timestamp.from(r.at()));
                });
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
