package io.unimember.settlement.periods;

import io.unimember.settlement.SqlTimes;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The period rows and the net positions frozen at close. */
@Repository
class PeriodRepository {

    private final JdbcClient jdbc;

    PeriodRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The period's status under a shared lock, creating the row if needed. Posting holds this lock until it commits,
     * so a close (which needs the exclusive lock) waits for postings in flight, and postings wait for a close.
     */
    PeriodStatus statusSharedLocked(PeriodKey key) {
        jdbc.sql("INSERT IGNORE INTO settlement_period (period_key, status) VALUES (?, 'OPEN')")
                .param(key.toString())
                .update();
        return jdbc.sql("SELECT status FROM settlement_period WHERE period_key = ? LOCK IN SHARE MODE")
                .param(key.toString())
                .query((rs, n) -> PeriodStatus.valueOf(rs.getString(1)))
                .single();
    }

    /** Makes sure the period has a row; run in a transaction of its own so no lock is held on afterwards. */
    void ensureExists(PeriodKey key) {
        jdbc.sql("INSERT IGNORE INTO settlement_period (period_key, status) VALUES (?, 'OPEN')")
                .param(key.toString())
                .update();
    }

    /** The status of an existing period under an exclusive lock: taken straight, never upgraded from shared. */
    PeriodStatus statusLockedForClose(PeriodKey key) {
        return jdbc.sql("SELECT status FROM settlement_period WHERE period_key = ? FOR UPDATE")
                .param(key.toString())
                .query((rs, n) -> PeriodStatus.valueOf(rs.getString(1)))
                .single();
    }

    Optional<Stored> find(PeriodKey key) {
        return jdbc.sql(
                        """
                        SELECT status, closed_at, posting_count, line_count, gross_fen
                        FROM settlement_period WHERE period_key = ?""")
                .param(key.toString())
                .query((rs, n) -> new Stored(
                        PeriodStatus.valueOf(rs.getString("status")),
                        instant(rs.getTimestamp("closed_at")),
                        rs.getLong("posting_count"),
                        rs.getLong("line_count"),
                        rs.getLong("gross_fen")))
                .optional();
    }

    void markClosed(PeriodKey key, Instant closedAt, String closedBy, PeriodLedger.Totals totals) {
        int updated = jdbc.sql(
                        """
                        UPDATE settlement_period
                        SET status = 'CLOSED', closed_at = ?, closed_by = ?, posting_count = ?, line_count = ?,
                            gross_fen = ?
                        WHERE period_key = ? AND status = 'OPEN'""")
                .params(
                        SqlTimes.utc(closedAt),
                        closedBy,
                        totals.postingCount(),
                        totals.lineCount(),
                        totals.grossFen(),
                        key.toString())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("period " + key + " was not open under our lock");
        }
    }

    void insertNetPositions(PeriodKey key, List<NetPosition> positions) {
        for (NetPosition p : positions) {
            jdbc.sql("INSERT INTO period_net_position (period_key, from_party, to_party, net_fen) VALUES (?, ?, ?, ?)")
                    .params(key.toString(), p.fromBu(), p.toBu(), p.netFen())
                    .update();
        }
    }

    List<NetPosition> netPositions(PeriodKey key) {
        return jdbc.sql(
                        """
                        SELECT from_party, to_party, net_fen FROM period_net_position
                        WHERE period_key = ? ORDER BY from_party, to_party""")
                .param(key.toString())
                .query((rs, n) -> new NetPosition(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    record Stored(PeriodStatus status, @Nullable Instant closedAt, long postingCount, long lineCount, long grossFen) {}
}
