package io.unimember.points.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Lots and the allocations of holds to them. Every method runs under the member's balance lock. */
@Repository
class LotRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    LotRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The member's open lots; a balance that never changed has none, so it is not even asked for. */
    OpenLots open(MemberAccount account) {
        return account.version() == 0 ? new OpenLots(List.of()) : open(account.memberId());
    }

    OpenLots open(String memberId) {
        return new OpenLots(jdbc.sql("SELECT lot_id, bu, expires_at, remaining FROM points_lot"
                        + " WHERE member_id = ? AND open = 1")
                .param(memberId)
                .query((rs, n) -> new OpenLots.Lot(
                        rs.getLong("lot_id"),
                        rs.getString("bu"),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getLong("remaining")))
                .list());
    }

    /** The open lots of these members (who have balances that changed before), in one statement. */
    Map<String, List<OpenLots.Lot>> openOf(Collection<String> memberIds) {
        Map<String, List<OpenLots.Lot>> byMember = new HashMap<>();
        if (memberIds.isEmpty()) {
            return byMember;
        }
        jdbc.sql("SELECT member_id, lot_id, bu, expires_at, remaining FROM points_lot"
                        + " WHERE member_id IN (:ids) AND open = 1")
                .param("ids", memberIds)
                .query(rs -> {
                    byMember.computeIfAbsent(rs.getString("member_id"), m -> new ArrayList<>())
                            .add(new OpenLots.Lot(
                                    rs.getLong("lot_id"),
                                    rs.getString("bu"),
                                    rs.getTimestamp("expires_at").toInstant(),
                                    rs.getLong("remaining")));
                });
        return byMember;
    }

    /** Points to add to a member's lot of one BU and expiry. */
    record LotCredit(String memberId, String bu, Instant expiresAt, long points) {}

    /**
     * Adds points to lots in one statement, each as {@link #credit} would: into the open lot of that member, BU and
     * expiry, else a new lot, else (spent to zero earlier this month) that lot again, reopened. At most one credit per
     * lot.
     */
    void creditAll(List<LotCredit> credits, Instant now) {
        if (credits.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        batch.batchUpdate(
                "INSERT INTO points_lot (member_id, bu, expires_at, credited, remaining, open, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, 1, ?) ON DUPLICATE KEY UPDATE"
                        + " credited = credited + VALUES(credited), remaining = remaining + VALUES(remaining),"
                        + " open = 1, updated_at = VALUES(updated_at)",
                credits,
                credits.size(),
                (ps, c) -> {
                    ps.setString(1, c.memberId());
                    ps.setString(2, c.bu());
                    ps.setTimestamp(3, Timestamp.from(c.expiresAt()));
                    ps.setLong(4, c.points());
                    ps.setLong(5, c.points());
                    ps.setTimestamp(6, at);
                });
    }

    /**
     * Adds points to the member's lot of this BU and expiry: an open lot by its id, else a new one (or, when the
     * member spent such a lot to zero earlier this month, that one again). Returns the lot's id.
     */
    long credit(String memberId, OpenLots open, String bu, Instant expiresAt, long points, Instant now) {
        var lot = open.find(bu, expiresAt);
        if (lot.isPresent()) {
            jdbc.sql("UPDATE points_lot SET credited = credited + ?, remaining = remaining + ?, updated_at = ?"
                            + " WHERE lot_id = ?")
                    .params(points, points, Timestamp.from(now), lot.get().id)
                    .update();
            return lot.get().id;
        }
        try {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO points_lot (member_id, bu, expires_at, credited, remaining, open, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, 1, ?)")
                    .params(memberId, bu, Timestamp.from(expiresAt), points, points, Timestamp.from(now))
                    .update(keys);
            return keys.getKey() == null ? 0 : keys.getKey().longValue();
        } catch (DuplicateKeyException spentToZero) {
            jdbc.sql(
                            "UPDATE points_lot SET credited = credited + ?, remaining = remaining + ?, open = 1, updated_at = ?"
                                    + " WHERE member_id = ? AND expires_at = ? AND bu = ?")
                    .params(points, points, Timestamp.from(now), memberId, Timestamp.from(expiresAt), bu)
                    .update();
            return 0;
        }
    }

    /** Takes allocated points out of their lots; each lot must still hold them. */
    void take(List<Allocation> allocations, Instant now) {
        if (allocations.isEmpty()) {
            return;
        }
        int[] rows = batch.batchUpdate(
                        // open is assigned first, from the old remaining, so the result is the same whether the
                        // database
                        // evaluates assignments left to right (MySQL) or simultaneously (MariaDB's optional mode)
                        "UPDATE points_lot SET open = CASE WHEN remaining > ? THEN 1 ELSE 0 END, remaining = remaining - ?,"
                                + " updated_at = ? WHERE lot_id = ? AND remaining >= ?",
                        allocations,
                        allocations.size(),
                        (ps, a) -> {
                            ps.setLong(1, a.points());
                            ps.setLong(2, a.points());
                            ps.setTimestamp(3, Timestamp.from(now));
                            ps.setLong(4, a.lotId());
                            ps.setLong(5, a.points());
                        })[0];
        requireAll(rows, allocations.size(), "take points from lots");
    }

    /** Puts released points back into the lots they came from. */
    void restore(List<Allocation> allocations, Instant now) {
        if (allocations.isEmpty()) {
            return;
        }
        int[] rows = batch.batchUpdate(
                        "UPDATE points_lot SET remaining = remaining + ?, open = 1, updated_at = ? WHERE lot_id = ?",
                        allocations,
                        allocations.size(),
                        (ps, a) -> {
                            ps.setLong(1, a.points());
                            ps.setTimestamp(2, Timestamp.from(now));
                            ps.setLong(3, a.lotId());
                        })[0];
        requireAll(rows, allocations.size(), "restore points to lots");
    }

    void saveAllocations(String bu, String reference, List<Allocation> allocations) {
        if (allocations.isEmpty()) {
            return;
        }
        batch.batchUpdate(
                "INSERT INTO lot_allocation (bu, reference, lot_id, issuing_bu, expires_at, points)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                allocations,
                allocations.size(),
                (ps, a) -> {
                    ps.setString(1, bu);
                    ps.setString(2, reference);
                    ps.setLong(3, a.lotId());
                    ps.setString(4, a.bu());
                    ps.setTimestamp(5, Timestamp.from(a.expiresAt()));
                    ps.setLong(6, a.points());
                });
    }

    List<Allocation> allocations(String bu, String reference) {
        return jdbc.sql("SELECT lot_id, issuing_bu, expires_at, points FROM lot_allocation"
                        + " WHERE bu = ? AND reference = ? ORDER BY expires_at, lot_id")
                .params(bu, reference)
                .query((rs, n) -> new Allocation(
                        rs.getLong("lot_id"),
                        rs.getString("issuing_bu"),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getLong("points")))
                .list();
    }

    /** What one hold's allocation to a lot spent, and how much of it refunds have given back so far. */
    record SpentAllocation(
            String reference, long lotId, String issuingBu, Instant expiresAt, long points, long returned) {

        long returnable() {
            return points - returned;
        }

        GivenBack giveBack(long share) {
            return new GivenBack(reference, lotId, issuingBu, expiresAt, share);
        }
    }

    /** Points a refund gives back on one allocation. */
    record GivenBack(String reference, long lotId, String issuingBu, Instant expiresAt, long points) {}

    /** The allocations of these holds of one BU, the latest expiry first (the order refunds give points back in). */
    List<SpentAllocation> spentAllocations(String bu, Collection<String> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT reference, lot_id, issuing_bu, expires_at, points, returned FROM lot_allocation"
                        + " WHERE bu = :bu AND reference IN (:refs) ORDER BY expires_at DESC, lot_id DESC, reference")
                .param("bu", bu)
                .param("refs", references)
                .query((rs, n) -> new SpentAllocation(
                        rs.getString("reference"),
                        rs.getLong("lot_id"),
                        rs.getString("issuing_bu"),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getLong("points"),
                        rs.getLong("returned")))
                .list();
    }

    /**
     * Counts points as given back on allocations, guarded so that no allocation ever gives back more than it took,
     * whatever ran before.
     */
    void markReturned(String bu, List<GivenBack> given) {
        if (given.isEmpty()) {
            return;
        }
        int[] rows = batch.batchUpdate(
                        "UPDATE lot_allocation SET returned = returned + ?"
                                + " WHERE bu = ? AND reference = ? AND lot_id = ? AND returned + ? <= points",
                        given,
                        given.size(),
                        (ps, a) -> {
                            ps.setLong(1, a.points());
                            ps.setString(2, bu);
                            ps.setString(3, a.reference());
                            ps.setLong(4, a.lotId());
                            ps.setLong(5, a.points());
                        })[0];
        requireAll(rows, given.size(), "count points given back on allocations");
    }

    List<String> membersWithExpiredLots(Instant now, int limit) {
        return jdbc.sql("SELECT DISTINCT member_id FROM points_lot WHERE open = 1 AND expires_at <= ? LIMIT ?")
                .params(Timestamp.from(now), limit)
                .query((rs, n) -> rs.getString(1)) // member_id is NOT NULL
                .list();
    }

    private static void requireAll(int[] rows, int expected, String what) {
        int changed = 0;
        for (int r : rows) {
            // rewritten batches may report SUCCESS_NO_INFO (-2) rather than counts; the guard still held in SQL
            changed += r == java.sql.Statement.SUCCESS_NO_INFO ? 1 : r;
        }
        if (changed != expected) {
            throw new IllegalStateException("could not " + what + ": " + changed + " of " + expected + " lots");
        }
    }
}
