package io.unimember.tier.paidmembership;

import static io.unimember.tier.paidmembership.PaidMemberships.instant;
import static io.unimember.tier.paidmembership.PaidMemberships.ts;

import io.unimember.common.web.ApiException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code membership_purchase} table. Callers hold the member's {@code membership} row lock. */
@Repository
class Purchases {

    private static final String COLUMNS =
            """
            purchase_id, member_id, plan_code, kind, price_fen, status, payment_id, paying_bu, paid_at, period_start,
            period_end, created_at""";

    private static final TypeReference<List<Plan.Split>> SPLIT = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper mapper;

    Purchases(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** The revenue split a paid purchase was paid under. */
    List<Plan.Split> revenueSplitOf(String purchaseId) {
        return jdbc.sql("SELECT revenue_split FROM membership_purchase WHERE purchase_id = ?")
                .param(purchaseId)
                .query(String.class)
                .optional()
                .map(json -> mapper.readValue(json, SPLIT))
                .orElseThrow();
    }

    Optional<Purchase> find(String purchaseId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM membership_purchase WHERE purchase_id = ?")
                .param(purchaseId)
                .query(Purchases::row)
                .optional();
    }

    /** The member's purchases awaiting payment, oldest first. */
    List<Purchase> open(String memberId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM membership_purchase WHERE member_id = ? AND status = 'PENDING' ORDER BY created_at")
                .param(memberId)
                .query(Purchases::row)
                .list();
    }

    /** A new PENDING purchase; a purchase id another member took already is refused. */
    void insert(Purchase p) {
        try {
            jdbc.sql(
                            """
                            INSERT INTO membership_purchase (purchase_id, member_id, plan_code, kind, price_fen, status,
                                                             created_at)
                            VALUES (?, ?, ?, ?, ?, 'PENDING', ?)""")
                    .params(
                            p.purchaseId(),
                            p.memberId(),
                            p.planCode(),
                            p.kind().name(),
                            p.priceFen(),
                            ts(p.createdAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("PURCHASE_ID_TAKEN", "purchase id " + p.purchaseId() + " is taken");
        }
    }

    /** Marks a PENDING purchase paid; false if it is no longer pending. A payment id is taken once per BU. */
    boolean markPaid(
            String purchaseId,
            String bu,
            String paymentId,
            Instant now,
            Instant start,
            Instant end,
            List<Plan.Split> revenueSplit) {
        try {
            return jdbc.sql(
                                    """
                                    UPDATE membership_purchase SET status = 'PAID', paying_bu = ?, payment_id = ?,
                                           paid_at = ?, period_start = ?, period_end = ?, revenue_split = ?
                                    WHERE purchase_id = ? AND status = 'PENDING'""")
                            .params(
                                    bu,
                                    paymentId,
                                    ts(now),
                                    ts(start),
                                    ts(end),
                                    mapper.writeValueAsString(revenueSplit),
                                    purchaseId)
                            .update()
                    == 1;
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict(
                    "PAYMENT_ID_TAKEN", "payment id " + paymentId + " already paid another purchase");
        }
    }

    /** Voids every purchase of the member still awaiting payment; returns how many. */
    int voidOpen(String memberId) {
        return jdbc.sql("UPDATE membership_purchase SET status = 'VOID' WHERE member_id = ? AND status = 'PENDING'")
                .param(memberId)
                .update();
    }

    void voidOne(String purchaseId) {
        jdbc.sql("UPDATE membership_purchase SET status = 'VOID' WHERE purchase_id = ? AND status = 'PENDING'")
                .param(purchaseId)
                .update();
    }

    /** Marks a PAID purchase refunded; false if it is not (any more) paid. */
    boolean markRefunded(String purchaseId, String refundId, long refundFen, Instant now) {
        return jdbc.sql(
                                """
                                UPDATE membership_purchase SET status = 'REFUNDED', refund_id = ?, refunded_fen = ?,
                                       refunded_at = ?
                                WHERE purchase_id = ? AND status = 'PAID'""")
                        .params(refundId, refundFen, ts(now), purchaseId)
                        .update()
                == 1;
    }

    /**
     * The member's paid purchase whose period holds {@code at}: the one a benefit used then belongs to (not a renewal
     * paid ahead, whose period has not begun). None past the last period's end, in an unpaid renewal's grace.
     */
    Optional<String> paidCovering(String memberId, Instant at) {
        return jdbc.sql(
                        """
                        SELECT purchase_id FROM membership_purchase
                        WHERE member_id = ? AND status = 'PAID' AND period_start <= ? AND period_end > ?
                        ORDER BY period_start DESC LIMIT 1""")
                .params(memberId, ts(at), ts(at))
                .query(String.class)
                .optional();
    }

    /** The member's paid purchase whose period ends at {@code end}: the one before a renewal. */
    Optional<String> paidEndingAt(String memberId, Instant end) {
        return jdbc.sql(
                        """
                        SELECT purchase_id FROM membership_purchase
                        WHERE member_id = ? AND status = 'PAID' AND period_end = ?""")
                .params(memberId, ts(end))
                .query(String.class)
                .optional();
    }

    private static Purchase row(ResultSet rs, int n) throws SQLException {
        return new Purchase(
                rs.getString("purchase_id"),
                rs.getString("member_id"),
                rs.getString("plan_code"),
                Purchase.Kind.valueOf(rs.getString("kind")),
                rs.getLong("price_fen"),
                Purchase.Status.valueOf(rs.getString("status")),
                rs.getString("payment_id"),
                rs.getString("paying_bu"),
                instant(rs.getTimestamp("paid_at")),
                instant(rs.getTimestamp("period_start")),
                instant(rs.getTimestamp("period_end")),
                rs.getTimestamp("created_at").toInstant());
    }
}
