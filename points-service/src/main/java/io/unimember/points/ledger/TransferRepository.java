package io.unimember.points.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes transfers and their entries (append-only: no update or delete exists here) and reads history. */
@Repository
class TransferRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    TransferRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Inserts the transfers and all their legs, each table in one batched statement. */
    void insert(List<Transfer> transfers, Instant now) {
        Timestamp at = Timestamp.from(now);
        batch.batchUpdate(
                "INSERT INTO ledger_transfer (transfer_id, kind, member_id, bu, reference, points, available_delta,"
                        + " frozen_delta, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                transfers,
                transfers.size(),
                (ps, t) -> {
                    ps.setString(1, t.transferId());
                    ps.setString(2, t.kind().name());
                    ps.setString(3, t.memberId());
                    ps.setString(4, t.bu());
                    ps.setString(5, t.reference());
                    ps.setLong(6, t.points());
                    ps.setLong(7, t.memberDelta(AccountType.MEMBER_AVAILABLE));
                    ps.setLong(8, t.memberDelta(AccountType.MEMBER_FROZEN));
                    ps.setTimestamp(9, at);
                });
        record Row(String transferId, int leg, Transfer.Leg value) {}
        List<Row> rows = new ArrayList<>();
        for (Transfer t : transfers) {
            for (int i = 0; i < t.legs().size(); i++) {
                rows.add(new Row(t.transferId(), i, t.legs().get(i)));
            }
        }
        batch.batchUpdate(
                "INSERT INTO ledger_entry (transfer_id, leg, account_type, account_ref, amount) VALUES (?, ?, ?, ?, ?)",
                rows,
                rows.size(),
                (ps, r) -> {
                    ps.setString(1, r.transferId());
                    ps.setInt(2, r.leg());
                    ps.setString(3, r.value().type().name());
                    ps.setString(4, r.value().ref());
                    ps.setLong(5, r.value().amount());
                });
    }

    /** A member's transfers, newest first, after the cursor's position. */
    List<TransferView> history(String memberId, long beforeSeq, int limit) {
        return jdbc.sql("SELECT seq, transfer_id, kind, bu, reference, points, available_delta, frozen_delta,"
                        + " created_at FROM ledger_transfer WHERE member_id = ? AND seq < ?"
                        + " ORDER BY seq DESC LIMIT ?")
                .params(memberId, beforeSeq, limit)
                .query((rs, n) -> new TransferView(
                        rs.getLong("seq"),
                        rs.getString("transfer_id"),
                        TransferKind.valueOf(rs.getString("kind")),
                        rs.getString("bu").isEmpty() ? null : rs.getString("bu"),
                        rs.getString("reference"),
                        rs.getLong("points"),
                        rs.getLong("available_delta"),
                        rs.getLong("frozen_delta"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
