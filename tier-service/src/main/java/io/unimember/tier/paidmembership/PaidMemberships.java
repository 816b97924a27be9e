package io.unimember.tier.paidmembership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Contract;
import org.springframework.stereotype.Repository;

/**
 * The {@code membership} table. Every change locks the member's row first ({@link #lockOrCreate}), so a member's
 * purchases, payments, uses, cancellation, refund and lapse happen one at a time whatever the instance.
 */
@Repository
class PaidMemberships {

    private static final String COLUMNS =
            "member_id, plan_code, status, starts_at, ends_at, auto_renew, purchase_id, version";

    private final JdbcClient jdbc;

    PaidMemberships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PaidMembership> find(String memberId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM membership WHERE member_id = ?")
                .param(memberId)
                .query(PaidMemberships::row)
                .optional();
    }

    /** The member's row, locked; created (as NONE) if they have none. An upsert, so that it locks a duplicate too. */
    PaidMembership lockOrCreate(String memberId, Instant now) {
        jdbc.sql(
                        """
                        INSERT INTO membership (member_id, status, auto_renew, version, created_at, updated_at)
                        VALUES (?, 'NONE', FALSE, 0, ?, ?) ON DUPLICATE KEY UPDATE member_id = member_id""")
                .params(memberId, ts(now), ts(now))
                .update();
        return lock(memberId).orElseThrow();
    }

    Optional<PaidMembership> lock(String memberId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM membership WHERE member_id = ? FOR UPDATE")
                .param(memberId)
                .query(PaidMemberships::row)
                .optional();
    }

    void save(PaidMembership m, Instant now) {
        jdbc.sql(
                        """
                        UPDATE membership SET plan_code = ?, status = ?, starts_at = ?, ends_at = ?, auto_renew = ?,
                               purchase_id = ?, version = ?, updated_at = ?
                        WHERE member_id = ?""")
                // param by param: plan, period and purchase may be null, and only param(...) takes a null value
                .param(m.planCode())
                .param(m.status().name())
                .param(ts(m.startsAt()))
                .param(ts(m.endsAt()))
                .param(m.autoRenew())
                .param(m.purchaseId())
                .param(m.version())
                .param(ts(now))
                .param(m.memberId())
                .update();
    }

    /** Active, renewing members ending by {@code by} with no renewal open yet: the renewals to open. */
    List<String> renewalsDue(Instant by, int limit) {
        return jdbc.sql(
                        """
                        SELECT m.member_id FROM membership m
                        WHERE m.status = 'ACTIVE' AND m.auto_renew AND m.ends_at <= ?
                          AND NOT EXISTS (SELECT 1 FROM membership_purchase p
                                          WHERE p.member_id = m.member_id AND p.status = 'PENDING')
                        ORDER BY m.member_id LIMIT ?""")
                .params(ts(by), limit)
                .query((rs, n) -> rs.getString(1))
                .list();
    }

    /** Active members whose membership is over: cancelled ones past their end, renewing ones past the grace. */
    List<String> lapsesDue(Instant now, Instant graceCutoff, int limit) {
        return jdbc.sql(
                        """
                        SELECT member_id FROM membership
                        WHERE status = 'ACTIVE' AND ends_at <= ?
                          AND ((auto_renew AND ends_at <= ?) OR NOT auto_renew)
                        ORDER BY member_id LIMIT ?""")
                .params(ts(now), ts(graceCutoff), limit)
                .query((rs, n) -> rs.getString(1))
                .list();
    }

    private static PaidMembership row(ResultSet rs, int n) throws SQLException {
        return new PaidMembership(
                rs.getString("member_id"),
                rs.getString("plan_code"),
                PaidMembership.Status.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("starts_at")),
                instant(rs.getTimestamp("ends_at")),
                rs.getBoolean("auto_renew"),
                rs.getString("purchase_id"),
                rs.getLong("version"));
    }

    @Contract("!null -> !null")
    static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @Contract("!null -> !null")
    static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
