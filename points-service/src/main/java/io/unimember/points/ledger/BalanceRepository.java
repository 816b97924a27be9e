package io.unimember.points.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The member_balance rows: locked for every change, changed only by guarded updates. */
@Repository
class BalanceRepository {

    private static final String COLUMNS =
            "member_id, available, frozen, lifetime_earned, debt, cap_day, cap_day_points, version";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    BalanceRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Optional<MemberAccount> lock(String memberId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM member_balance WHERE member_id = ? FOR UPDATE")
                .param(memberId)
                .query(BalanceRepository::map)
                .optional();
    }

    /** Locks the rows of these members that exist, in one statement. */
    List<MemberAccount> lockAll(Collection<String> memberIds) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM member_balance WHERE member_id IN (:ids) FOR UPDATE")
                .param("ids", memberIds)
                .query(BalanceRepository::map)
                .list();
    }

    /**
     * Opens balances for members who have none, in one statement, leaving the rows locked. A member whose row
     * another transaction created meanwhile fails it with a duplicate key: the caller's batch gives way.
     */
    void createAll(Collection<String> memberIds, Instant now) {
        Timestamp at = Timestamp.from(now);
        batch.batchUpdate(
                "INSERT INTO member_balance (member_id, updated_at) VALUES (?, ?)",
                List.copyOf(memberIds),
                memberIds.size(),
                (ps, id) -> {
                    ps.setString(1, id);
                    ps.setTimestamp(2, at);
                });
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
                .params(change.available(), change.frozen(), change.lifetimeEarned(), change.debt())
                .param(after.capDay()) // null before the first earning; params(Object...) takes no nulls
                .params(
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

    /**
     * Applies what a batch did to each locked balance — from the row read as {@code before} to {@code after}, which
     * may be several changes — with one guarded update per member, sent together. The same guards as {@link #apply}:
     * the version read, and no balance below zero.
     */
    void applyAll(List<Applied> changes, Instant now) {
        if (changes.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        int[][] rows = batch.batchUpdate(
                "UPDATE member_balance SET available = available + ?, frozen = frozen + ?,"
                        + " lifetime_earned = lifetime_earned + ?, debt = debt + ?, cap_day = ?, cap_day_points = ?,"
                        + " version = version + ?, updated_at = ?"
                        + " WHERE member_id = ? AND version = ?"
                        + " AND available + ? >= 0 AND frozen + ? >= 0 AND debt + ? >= 0",
                changes,
                changes.size(),
                (ps, c) -> {
                    MemberAccount b = c.before();
                    MemberAccount a = c.after();
                    ps.setLong(1, a.available() - b.available());
                    ps.setLong(2, a.frozen() - b.frozen());
                    ps.setLong(3, a.lifetimeEarned() - b.lifetimeEarned());
                    ps.setLong(4, a.debt() - b.debt());
                    ps.setObject(5, a.capDay());
                    ps.setLong(6, a.capDayPoints());
                    ps.setLong(7, a.version() - b.version());
                    ps.setTimestamp(8, at);
                    ps.setString(9, b.memberId());
                    ps.setLong(10, b.version());
                    ps.setLong(11, a.available() - b.available());
                    ps.setLong(12, a.frozen() - b.frozen());
                    ps.setLong(13, a.debt() - b.debt());
                });
        for (int i = 0; i < rows[0].length; i++) {
            if (rows[0][i] != 1) {
                throw new IllegalStateException("balance of "
                        + changes.get(i).before().memberId() + " changed under its lock or would go negative");
            }
        }
    }

    /** A locked balance as read, and as a batch left it. */
    record Applied(MemberAccount before, MemberAccount after) {}

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
