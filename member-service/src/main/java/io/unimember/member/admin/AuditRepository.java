package io.unimember.member.admin;

import java.sql.Timestamp;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AuditEntry entry) {
        jdbc.sql("INSERT INTO admin_audit (at, service, actor, actor_kind, role, action, target, before_json,"
                        + " after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        Timestamp.from(entry.at()),
                        entry.service(),
                        entry.actor(),
                        entry.actorKind(),
                        entry.role(),
                        entry.action(),
                        entry.target())
                .param(entry.before()) // either may be NULL; params(Object...) takes no nulls
                .param(entry.after())
                .update();
    }

    /** Newest first, below {@code beforeId} when given, optionally of one actor, action or service. */
    List<AuditEntry> page(
            @Nullable Long beforeId,
            @Nullable String actor,
            @Nullable String action,
            @Nullable String service,
            int limit) {
        return jdbc.sql("SELECT id, at, service, actor, actor_kind, role, action, target, before_json, after_json"
                        + " FROM admin_audit WHERE (? IS NULL OR id < ?) AND (? IS NULL OR actor = ?)"
                        + " AND (? IS NULL OR action = ?) AND (? IS NULL OR service = ?) ORDER BY id DESC LIMIT ?")
                .param(beforeId) // the filters may be null (no filter); params(Object...) takes no nulls
                .param(beforeId)
                .param(actor)
                .param(actor)
                .param(action)
                .param(action)
                .param(service)
                .param(service)
                .param(limit)
                .query((rs, n) -> new AuditEntry(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10)))
                .list();
    }
}
