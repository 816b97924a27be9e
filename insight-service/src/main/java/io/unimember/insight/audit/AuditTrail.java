package io.unimember.insight.audit;

import io.unimember.common.security.Caller;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes and reads the audit rows; a write joins the caller's transaction, so a change and its record go together. */
@Component
public class AuditTrail {

    /** One audited change. */
    public record Entry(
            long auditId,
            Instant at,
            String actor,
            String action,
            String subject,
            @Nullable String memberId,
            @Nullable String detail) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    public void record(
            Caller caller, String action, String subject, @Nullable String memberId, @Nullable String detail) {
        jdbc.sql("INSERT INTO insight_audit (at, actor, action, subject, member_id, detail) VALUES (?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(clock.instant()), actor(caller), action, subject)
                .param(memberId) // both may be NULL; params(Object...) takes no nulls
                .param(detail)
                .update();
    }

    public List<Entry> of(String subject, int limit) {
        return jdbc.sql("SELECT audit_id, at, actor, action, subject, member_id, detail FROM insight_audit"
                        + " WHERE subject = ? ORDER BY audit_id DESC LIMIT ?")
                .params(subject, limit)
                .query((rs, n) -> new Entry(
                        rs.getLong("audit_id"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("subject"),
                        rs.getString("member_id"),
                        rs.getString("detail")))
                .list();
    }

    public static String actor(Caller caller) {
        String subject = caller.subject();
        return subject == null || subject.isBlank() ? "unknown" : subject;
    }
}
