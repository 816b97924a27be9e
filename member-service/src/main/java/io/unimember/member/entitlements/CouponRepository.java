package io.unimember.member.entitlements;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CouponRepository {

    private final JdbcClient jdbc;

    CouponRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Stored(String memberId, CouponState state, @Nullable String termsJson) {}

    record Visible(CouponState.Status status, String termsJson) {}

    Optional<Stored> find(String couponId) {
        return jdbc.sql("SELECT member_id, status, lock_id, last_event_at, terms_json FROM entitlement_coupon"
                        + " WHERE coupon_id = ?")
                .param(couponId)
                .query((rs, n) -> new Stored(
                        rs.getString(1),
                        new CouponState(
                                CouponState.Status.valueOf(rs.getString(2)),
                                rs.getString(3),
                                rs.getTimestamp(4).toInstant(),
                                rs.getString(5) != null),
                        rs.getString(5)))
                .optional();
    }

    /** Writes the coupon's state; terms are set once, by coupon.issued, and never cleared. */
    void save(String couponId, String memberId, CouponState state, @Nullable String termsJson, Instant now) {
        jdbc.sql("INSERT INTO entitlement_coupon (coupon_id, member_id, status, lock_id, terms_json, last_event_at,"
                        + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE status = ?, lock_id = ?,"
                        + " terms_json = COALESCE(terms_json, ?), last_event_at = ?, updated_at = ?")
                .params(couponId, memberId, state.status().name())
                .param(state.lockId()) // lock and terms may be NULL; params(Object...) takes no nulls
                .param(termsJson)
                .params(
                        Timestamp.from(state.lastEventAt()),
                        Timestamp.from(now),
                        state.status().name())
                .param(state.lockId())
                .param(termsJson)
                .params(Timestamp.from(state.lastEventAt()), Timestamp.from(now))
                .update();
    }

    /** The coupons the view shows: known terms, not redeemed or expired. */
    List<Visible> visible(String memberId) {
        return jdbc.sql("SELECT status, terms_json FROM entitlement_coupon WHERE member_id = ?"
                        + " AND status IN ('AVAILABLE', 'LOCKED') AND terms_json IS NOT NULL")
                .param(memberId)
                .query((rs, n) -> new Visible(CouponState.Status.valueOf(rs.getString(1)), rs.getString(2)))
                .list();
    }

    int deleteTombstones(Instant before, int limit) {
        return jdbc.sql(
                        "DELETE FROM entitlement_coupon WHERE status IN ('REDEEMED', 'EXPIRED', 'REVOKED') AND updated_at < ?"
                                + " LIMIT ?")
                .params(Timestamp.from(before), limit)
                .update();
    }
}
