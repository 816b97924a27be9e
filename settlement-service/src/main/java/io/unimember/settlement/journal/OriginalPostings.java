package io.unimember.settlement.journal;

import io.unimember.settlement.BenefitType;
import io.unimember.settlement.periods.PeriodKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The postings a refund reverses, read back with their items. Runs in the reversal's transaction. */
@Repository
class OriginalPostings {

    private static final String HEADER = "SELECT id, event_id, event_type, benefit_type, source_ref, order_ref,"
            + " member_id, used_at, usage_period, posting_period FROM posting p";

    private final JdbcClient jdbc;

    OriginalPostings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Found(long id, Posting posting) {}

    /**
     * The member's latest posting of this coupon's redemption that nothing reversed yet, locked (a coupon redeemed,
     * returned and redeemed again has two; its next return undoes the second).
     */
    Optional<Found> unreversedCoupon(String couponId, String memberId) {
        return jdbc.sql(HEADER + " WHERE event_type = 'coupon.redeemed' AND source_ref = ? AND member_id = ?"
                        + " AND NOT EXISTS (SELECT 1 FROM posting r WHERE r.reverses_posting_id = p.id)"
                        + " ORDER BY id DESC LIMIT 1 FOR UPDATE")
                .params(couponId, memberId)
                .query(this::found)
                .optional();
    }

    /** The points postings of the member's order at this spending BU, oldest first, locked. */
    List<Found> pointsOfOrder(String orderId, String memberId, String spendingBu) {
        return jdbc.sql(HEADER + " WHERE event_type = 'points.redeemed' AND order_ref = ? AND member_id = ?"
                        + " AND EXISTS (SELECT 1 FROM posting_item i WHERE i.posting_id = p.id AND i.owed_party = ?)"
                        + " ORDER BY id FOR UPDATE")
                .params(orderId, memberId, spendingBu)
                .query(this::found)
                .list();
    }

    /** Face and amount the refunds of this order reversed so far for one pair (both zero or negative). */
    Posting.Item reversedSoFar(String orderId, String memberId, String owing, String owed) {
        return jdbc.sql(
                        """
                        SELECT COALESCE(SUM(i.face_fen), 0), COALESCE(SUM(i.amount_fen), 0)
                          FROM posting_item i JOIN posting p ON p.id = i.posting_id
                         WHERE p.event_type = 'points.refunded' AND p.order_ref = ? AND p.member_id = ?
                           AND i.owing_party = ? AND i.owed_party = ?""")
                .params(orderId, memberId, owing, owed)
                .query((rs, n) -> new Posting.Item(owing, owed, rs.getLong(1), 0, null, rs.getLong(2)))
                .single();
    }

    private Found found(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        return new Found(
                id,
                new Posting(
                        UUID.fromString(rs.getString("event_id")),
                        rs.getString("event_type"),
                        BenefitType.valueOf(rs.getString("benefit_type")),
                        rs.getString("source_ref"),
                        rs.getString("order_ref"),
                        rs.getString("member_id"),
                        rs.getTimestamp("used_at").toInstant(),
                        PeriodKey.parse(rs.getString("usage_period")),
                        PeriodKey.parse(rs.getString("posting_period")),
                        null,
                        items(id)));
    }

    private List<Posting.Item> items(long postingId) {
        return jdbc.sql("SELECT owing_party, owed_party, face_fen, rate_bp, price_id, amount_fen FROM posting_item"
                        + " WHERE posting_id = ? ORDER BY id")
                .param(postingId)
                .query((rs, n) -> new Posting.Item(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getInt(4),
                        rs.getObject(5) == null ? null : rs.getLong(5),
                        rs.getLong(6)))
                .list();
    }
}
