package io.unimember.member.entitlements;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Members whose cached view Redis may hold stale, because Redis could not be told of a change. */
@Repository
class RepairQueue {

    private final JdbcClient jdbc;

    RepairQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Entry(String memberId, long rowVersion) {}

    void add(String memberId, long rowVersion, Instant now) {
        jdbc.sql("INSERT INTO entitlement_cache_repair (member_id, row_version, queued_at) VALUES (?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE row_version = GREATEST(row_version, ?)")
                .params(memberId, rowVersion, Timestamp.from(now), rowVersion)
                .update();
    }

    List<Entry> next(int limit) {
        return jdbc.sql("SELECT member_id, row_version FROM entitlement_cache_repair ORDER BY queued_at LIMIT ?")
                .param(limit)
                .query((rs, n) -> new Entry(rs.getString(1), rs.getLong(2)))
                .list();
    }

    /** Done up to {@code rowVersion}; a newer entry queued meanwhile stays. */
    void remove(String memberId, long rowVersion) {
        jdbc.sql("DELETE FROM entitlement_cache_repair WHERE member_id = ? AND row_version <= ?")
                .params(memberId, rowVersion)
                .update();
    }

    boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM entitlement_cache_repair LIMIT 1) q")
                        .query(Integer.class)
                        .single()
                == 0;
    }
}
