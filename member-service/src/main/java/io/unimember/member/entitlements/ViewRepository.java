package io.unimember.member.entitlements;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ViewRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ViewRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A view to write: the member, its text, the versions it holds and the row's next version. */
    record Write(String memberId, String json, Versions versions, long rowVersion) {}

    record Row(String json, long tierVersion, long growthVersion, long pointsVersion, long rowVersion) {}

    record Versions(long tierVersion, long growthVersion, long pointsVersion) {}

    Optional<Row> find(String memberId) {
        return jdbc.sql("SELECT view_json, tier_version, growth_version, points_version, row_version"
                        + " FROM entitlement_view WHERE member_id = ?")
                .param(memberId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .optional();
    }

    /** The member's row, made from {@code initialJson} at version 0 if absent, locked until the transaction ends. */
    Row lockOrCreate(String memberId, String initialJson, Instant now) {
        Row row = lockOrCreateAll(Map.of(memberId, initialJson), now).get(memberId);
        if (row == null) { // the upsert made it if it was missing
            throw new IllegalStateException("no entitlement view row of " + memberId + " after its upsert");
        }
        return row;
    }

    /**
     * {@link #lockOrCreate} for several members in two statements: the missing rows made and every row locked by
     * one multi-row upsert, then all of them read.
     */
    Map<String, Row> lockOrCreateAll(Map<String, String> initialJson, Instant now) {
        List<Map.Entry<String, String>> rows = new ArrayList<>(new TreeMap<>(initialJson).entrySet());
        Timestamp at = Timestamp.from(now);
        batch.batchUpdate(
                "INSERT INTO entitlement_view (member_id, view_json, updated_at) VALUES (?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE member_id = member_id",
                rows,
                rows.size(),
                (ps, row) -> {
                    ps.setString(1, row.getKey());
                    ps.setString(2, row.getValue());
                    ps.setTimestamp(3, at);
                });
        Map<String, Row> locked = new HashMap<>();
        jdbc.sql("SELECT member_id, view_json, tier_version, growth_version, points_version, row_version"
                        + " FROM entitlement_view WHERE member_id IN (:members) FOR UPDATE")
                .param("members", initialJson.keySet())
                .query(rs -> {
                    locked.put(
                            rs.getString(1),
                            new Row(rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
                });
        return locked;
    }

    /** Writes the views in one statement; each row is locked by this transaction. */
    void saveAll(List<Write> writes, Instant now) {
        Timestamp at = Timestamp.from(now);
        batch.batchUpdate(
                """
                INSERT INTO entitlement_view (member_id, view_json, tier_version, growth_version, points_version,
                                              row_version, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE view_json = VALUES(view_json), tier_version = VALUES(tier_version),
                    growth_version = VALUES(growth_version), points_version = VALUES(points_version),
                    row_version = VALUES(row_version), updated_at = VALUES(updated_at)""",
                writes,
                writes.size(),
                (ps, w) -> {
                    ps.setString(1, w.memberId());
                    ps.setString(2, w.json());
                    ps.setLong(3, w.versions().tierVersion());
                    ps.setLong(4, w.versions().growthVersion());
                    ps.setLong(5, w.versions().pointsVersion());
                    ps.setLong(6, w.rowVersion());
                    ps.setTimestamp(7, at);
                });
    }
}
