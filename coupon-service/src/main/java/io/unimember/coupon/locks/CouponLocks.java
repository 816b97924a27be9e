package io.unimember.coupon.locks;

import static io.unimember.coupon.support.Times.instant;
import static io.unimember.coupon.support.Times.instantOrNull;
import static io.unimember.coupon.support.Times.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The lock table. A lock leaves LOCKED only through {@link #resolve}, a guarded UPDATE, so it resolves once. */
@Repository
class CouponLocks {

    record Lock(
            String bu,
            String lockId,
            String couponId,
            String memberId,
            String orderRef,
            long amountFen,
            long discountFen,
            LockStatus status,
            Instant expiresAt,
            @Nullable Instant resolvedAt) {

        LockView view() {
            return new LockView(lockId, couponId, orderRef, amountFen, discountFen, status, expiresAt, resolvedAt);
        }
    }

    private final JdbcClient jdbc;

    CouponLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Lock l, Instant now) {
        jdbc.sql(
                        """
                INSERT INTO coupon_lock (bu, lock_id, coupon_id, member_id, order_ref, amount_fen, discount_fen,
                                         status, locked_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        l.bu(),
                        l.lockId(),
                        l.couponId(),
                        l.memberId(),
                        l.orderRef(),
                        l.amountFen(),
                        l.discountFen(),
                        l.status().name(),
                        ts(now),
                        ts(l.expiresAt()))
                .update();
    }

    Optional<Lock> find(String bu, String lockId) {
        return jdbc.sql("SELECT * FROM coupon_lock WHERE bu = ? AND lock_id = ?")
                .params(bu, lockId)
                .query(CouponLocks::map)
                .optional();
    }

    /**
     * LOCKED → {@code to}; with {@link Condition#LIVE} only while the lock has not lapsed (a lapsed lock cannot be
     * redeemed), with {@link Condition#LAPSED} only once it has (the expiry job). False if it was not LOCKED.
     */
    boolean resolve(String bu, String lockId, LockStatus to, Instant now, Condition condition) {
        String guard =
                switch (condition) {
                    case ANY -> "";
                    case LIVE -> " AND expires_at > ?";
                    case LAPSED -> " AND expires_at <= ?";
                };
        var spec = jdbc.sql("UPDATE coupon_lock SET status = ?, resolved_at = ? WHERE bu = ? AND lock_id = ?"
                        + " AND status = 'LOCKED'" + guard)
                .params(to.name(), ts(now), bu, lockId);
        if (condition != Condition.ANY) {
            spec = spec.param(ts(now));
        }
        return spec.update() == 1;
    }

    /** Which locks a resolution applies to, by their expiry. */
    enum Condition {
        ANY,
        LIVE,
        LAPSED
    }

    List<Lock> lapsed(Instant now, int limit) {
        return jdbc.sql(
                        "SELECT * FROM coupon_lock WHERE status = 'LOCKED' AND expires_at <= ? ORDER BY expires_at LIMIT ?")
                .params(ts(now), limit)
                .query(CouponLocks::map)
                .list();
    }

    private static Lock map(ResultSet rs, int row) throws SQLException {
        return new Lock(
                rs.getString("bu"),
                rs.getString("lock_id"),
                rs.getString("coupon_id"),
                rs.getString("member_id"),
                rs.getString("order_ref"),
                rs.getLong("amount_fen"),
                rs.getLong("discount_fen"),
                LockStatus.valueOf(rs.getString("status")),
                instant(rs, "expires_at"),
                instantOrNull(rs, "resolved_at"));
    }
}
