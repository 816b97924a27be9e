package io.unimember.coupon.coupons;

import static io.unimember.coupon.support.Times.instant;
import static io.unimember.coupon.support.Times.ts;

import io.unimember.coupon.templates.Templates;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The coupon table. Every state change is a guarded UPDATE on the state it leaves ({@code WHERE status =
 * 'AVAILABLE'}, {@code ... AND lock_id = ?}) and says whether it happened, so of two racing changes exactly one
 * wins and the caller publishes an event only for the one that did.
 */
@Repository
public class Coupons {

    /** The columns {@link #map} reads: a coupon joined with its template. */
    public static final String SELECT =
            """
            SELECT c.id, c.template_id, c.member_id, c.code, c.status, c.channel, c.issued_at, c.usable_from,
                   c.expires_at, c.lock_id, c.refunded_at, t.name, t.kind, t.discount_fen, t.percent_off, t.max_discount_fen,
                   t.min_spend_fen, t.scenes, t.funding_bu
              FROM coupon c JOIN coupon_template t ON t.id = c.template_id
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Coupons(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public void insert(Coupon c, String sourceRef) {
        insertAll(List.of(c), List.of(sourceRef));
    }

    /** Inserts coupons in one statement, {@code sourceRefs} in the same order (a source issues one coupon). */
    public void insertAll(List<Coupon> coupons, List<String> sourceRefs) {
        batch.batchUpdate(
                """
                INSERT INTO coupon (id, template_id, member_id, code, status, channel, source_ref, issued_at,
                                    usable_from, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        Coupon c = coupons.get(i);
                        ps.setString(1, c.id());
                        ps.setString(2, c.templateId());
                        ps.setString(3, c.memberId());
                        ps.setString(4, c.code());
                        ps.setString(5, c.status().name());
                        ps.setString(6, c.channel().name());
                        ps.setString(7, sourceRefs.get(i));
                        ps.setString(8, ts(c.issuedAt()));
                        ps.setString(9, ts(c.usableFrom()));
                        ps.setString(10, ts(c.expiresAt()));
                    }

                    @Override
                    public int getBatchSize() {
                        return coupons.size();
                    }
                });
    }

    public Optional<Coupon> find(String id) {
        return jdbc.sql(SELECT + " WHERE c.id = ?")
                .param(id)
                .query(Coupons::map)
                .optional();
    }

    public Optional<Coupon> findByCode(String code) {
        return jdbc.sql(SELECT + " WHERE c.code = ?")
                .param(code)
                .query(Coupons::map)
                .optional();
    }

    /** AVAILABLE and unexpired → LOCKED by this lock. */
    public boolean lock(String id, String lockId, String bu, Instant now) {
        return jdbc.sql(
                                """
                UPDATE coupon SET status = 'LOCKED', lock_id = ?, locked_by_bu = ?
                 WHERE id = ? AND status = 'AVAILABLE' AND expires_at > ? AND usable_from <= ?
                """)
                        .params(lockId, bu, id, ts(now), ts(now))
                        .update()
                == 1;
    }

    /**
     * LOCKED by this lock → REDEEMED. A coupon a refund gave back starts a new redemption: {@code refunded_at} is
     * cleared, so a refund of this new order can give it back again.
     */
    public boolean redeemLocked(String id, String lockId, String bu, String orderRef, long discountFen, Instant now) {
        return jdbc.sql(
                                """
                UPDATE coupon SET status = 'REDEEMED', redeemed_at = ?, redeemed_bu = ?, order_ref = ?,
                                  redeemed_discount_fen = ?, refunded_at = NULL
                 WHERE id = ? AND status = 'LOCKED' AND lock_id = ?
                """)
                        .params(ts(now), bu, orderRef, discountFen, id, lockId)
                        .update()
                == 1;
    }

    /** LOCKED by this lock → AVAILABLE again. */
    public boolean unlock(String id, String lockId) {
        return jdbc.sql(
                                """
                UPDATE coupon SET status = 'AVAILABLE', lock_id = NULL, locked_by_bu = NULL
                 WHERE id = ? AND status = 'LOCKED' AND lock_id = ?
                """)
                        .params(id, lockId)
                        .update()
                == 1;
    }

    /** AVAILABLE and valid now → REDEEMED in one step (a POS verification); a new redemption, as above. */
    public boolean redeemAvailable(String id, String bu, String orderRef, long discountFen, Instant now) {
        return jdbc.sql(
                                """
                UPDATE coupon SET status = 'REDEEMED', redeemed_at = ?, redeemed_bu = ?, order_ref = ?,
                                  redeemed_discount_fen = ?, refunded_at = NULL
                 WHERE id = ? AND status = 'AVAILABLE' AND expires_at > ? AND usable_from <= ?
                """)
                        .params(ts(now), bu, orderRef, discountFen, id, ts(now), ts(now))
                        .update()
                == 1;
    }

    /** AVAILABLE past its end → EXPIRED. */
    public boolean expire(String id, Instant now) {
        return jdbc.sql(
                                "UPDATE coupon SET status = 'EXPIRED' WHERE id = ? AND status = 'AVAILABLE' AND expires_at <= ?")
                        .params(id, ts(now))
                        .update()
                == 1;
    }

    /** A coupon one BU redeemed on one of its orders, with what the redemption settled. */
    public record Redemption(String couponId, String templateId, String fundingBu, long discountFen) {}

    /** The member's coupons this BU redeemed on this order and no refund has given back yet. */
    public List<Redemption> redeemedOn(String bu, String orderRef, String memberId) {
        return jdbc.sql(
                        """
                        SELECT c.id, c.template_id, t.funding_bu, COALESCE(c.redeemed_discount_fen, 0)
                          FROM coupon c JOIN coupon_template t ON t.id = c.template_id
                         WHERE c.redeemed_bu = ? AND c.order_ref = ? AND c.member_id = ? AND c.status = 'REDEEMED'
                           AND c.refunded_at IS NULL
                        """)
                .params(bu, orderRef, memberId)
                .query((rs, n) -> new Redemption(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    /**
     * REDEEMED and still valid → AVAILABLE again, as it was before the lock (lock, redemption and order cleared), with
     * {@code refunded_at} kept as the trace. False if it is past its validity or no longer REDEEMED.
     */
    public boolean returnToWallet(String id, Instant now) {
        return jdbc.sql(
                                """
                UPDATE coupon SET status = 'AVAILABLE', lock_id = NULL, locked_by_bu = NULL, redeemed_at = NULL,
                                  redeemed_bu = NULL, order_ref = NULL, redeemed_discount_fen = NULL, refunded_at = ?
                 WHERE id = ? AND status = 'REDEEMED' AND refunded_at IS NULL AND expires_at > ?
                """)
                        .params(ts(now), id, ts(now))
                        .update()
                == 1;
    }

    /** REDEEMED past its validity: it stays REDEEMED, marked refunded once. */
    public boolean markRefunded(String id, Instant now) {
        return jdbc.sql(
                                "UPDATE coupon SET refunded_at = ? WHERE id = ? AND status = 'REDEEMED' AND refunded_at IS NULL")
                        .params(ts(now), id)
                        .update()
                == 1;
    }

    /** PENDING_REVIEW → AVAILABLE (approved) or REJECTED; false if it was not pending (decided before). */
    public boolean decidePending(String id, boolean approved) {
        return jdbc.sql("UPDATE coupon SET status = ? WHERE id = ? AND status = 'PENDING_REVIEW'")
                        .params(approved ? "AVAILABLE" : "REJECTED", id)
                        .update()
                == 1;
    }

    /** AVAILABLE (unused, whether or not its end has passed) or PENDING_REVIEW → REVOKED. False if it was used or locked meanwhile. */
    public boolean revoke(String id, Instant now) {
        return jdbc.sql(
                                "UPDATE coupon SET status = 'REVOKED', refunded_at = ? WHERE id = ? AND status IN ('AVAILABLE', 'EXPIRED', 'PENDING_REVIEW')")
                        .params(ts(now), id)
                        .update()
                == 1;
    }

    public static Coupon map(ResultSet rs, int row) throws SQLException {
        return new Coupon(
                rs.getString("id"),
                rs.getString("template_id"),
                rs.getString("member_id"),
                rs.getString("code"),
                CouponStatus.valueOf(rs.getString("status")),
                Channel.valueOf(rs.getString("channel")),
                instant(rs, "issued_at"),
                instant(rs, "usable_from"),
                instant(rs, "expires_at"),
                rs.getString("name"),
                Templates.terms(rs),
                rs.getString("funding_bu"),
                rs.getString("lock_id"),
                nullableInstant(rs, "refunded_at"));
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
