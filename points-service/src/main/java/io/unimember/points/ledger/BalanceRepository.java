package io.unimember.points.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The member_balance rows: locked for every change, changed only by guarded updates. */
@Repository
class BalanceRepository {

    private static final String COLUMNS =
            "member_id, available, frozen, lifetime_earned, debt, cap_day, cap_day_points, version";

    private final JdbcClient jdbc;

    BalanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MemberAccount> lock(String memberId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM member_balance WHERE member_id = ? FOR UPDATE")
                .param(memberId)
                .query(BalanceRepository::map)
                .optional();
    }

    Optional<MemberAccount> find(String memberId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM member_balance WHERE member_id = ?")
                .param(memberId)
                .query(BalanceRepository::map)
                .optional();
    }

    /**
     * Creates the row if it is missing and leaves it locked. ON DUPLICATE KEY takes an exclusive lock where a plain
     * INSERT would take a shared one, so two first orders of a new member queue instead of deadlocking. Returns
     * whether the row is in its opening state, so the caller need not read it back: the row count cannot tell
     * "created" from "was there" (the driver reports found rows), so a row that was there reports its version as the
     * statement's insert id ({@code LAST_INSERT_ID(version)}, which leaves it unchanged). A row created now reports
     * none; one another first order created but did not change since is at version 0, all defaults, the same thing.
     */
    boolean createLocked(String memberId, Instant now) {
        var existing = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO member_balance (member_id, updated_at) VALUES (?, ?)"
                        + " ON DUPLICATE KEY UPDATE version = LAST_INSERT_ID(version)")
                .params(memberId, Timestamp.from(now))
                .update(existing);
        Number version = existing.getKey();
        return version == null || version.longValue() == 0;
    }

    /**
     * Applies a change to the row read as {@code before}: only if no one changed it since (version) and no balance
     * would go below zero. Anything else is a bug, so it fails the transaction. Returns the row as it is now.
     */
    MemberAccount apply(MemberAccount before, BalanceChange change, Instant now) {
        MemberAccount after = before.with(change);
        int rows = jdbc.sql("UPDATE member_balance SET available = available + ?, frozen = frozen + ?,"
                        + " lifetime_earned = lifetime_earned + ?, debt = debt + ?, cap_day = ?, cap_day_points = ?,"
                        + " version = version + 1, updated_at = ?"
                        + " WHERE member_id = ? AND version = ?"
                        + " AND available + ? >= 0 AND frozen + ? >= 0 AND debt + ? >= 0")
                .params(
                        change.available(),
                        change.frozen(),
                        change.lifetimeEarned(),
                        change.debt(),
                        after.capDay(),
                        after.capDayPoints(),
                        Timestamp.from(now),
                        before.memberId(),
                        before.version(),
                        change.available(),
                        change.frozen(),
                        change.debt())
                .update();
        if (rows != 1) {
            throw new IllegalStateException(
                    "balance of " + before.memberId() + " changed under its lock or would go" + " negative: " + change);
        }
        return after;
    }

    private static MemberAccount map(ResultSet rs, int n) throws SQLException {
        return new MemberAccount(
                rs.getString("member_id"),
                rs.getLong("available"),
                rs.getLong("frozen"),
                rs.getLong("lifetime_earned"),
                rs.getLong("debt"),
                rs.getObject("cap_day", LocalDate.class),
                rs.getLong("cap_day_points"),
                rs.getLong("version"));
    }
}
