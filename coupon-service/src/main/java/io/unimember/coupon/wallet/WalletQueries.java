package io.unimember.coupon.wallet;

import static io.unimember.coupon.support.Times.ts;

import io.unimember.coupon.coupons.Coupon;
import io.unimember.coupon.coupons.CouponStatus;
import io.unimember.coupon.coupons.Coupons;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of one member's coupons. A coupon past its end counts as EXPIRED here even before the expiry job marked
 * it, so the wallet never offers a coupon that can no longer be used.
 */
@Repository
class WalletQueries {

    private static final String SCENE_MATCHES =
            " AND (t.scenes = 'ALL' OR LOCATE(CONCAT(',', ?, ','), CONCAT(',', t.scenes, ',')) > 0)";

    private final JdbcClient jdbc;

    WalletQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page, newest first; fetches one more than {@code limit} so the caller knows whether more follow. */
    List<Coupon> page(
            String memberId,
            @Nullable CouponStatus status,
            @Nullable String scene,
            @Nullable Cursor after,
            int limit,
            Instant now) {
        StringBuilder sql = new StringBuilder(Coupons.SELECT).append(" WHERE c.member_id = ?");
        List<Object> params = new ArrayList<>(List.of(memberId));
        if (status != null) {
            switch (status) {
                case AVAILABLE -> {
                    sql.append(" AND c.status = 'AVAILABLE' AND c.expires_at > ?");
                    params.add(ts(now));
                }
                case EXPIRED -> {
                    sql.append(" AND (c.status = 'EXPIRED' OR (c.status = 'AVAILABLE' AND c.expires_at <= ?))");
                    params.add(ts(now));
                }
                case LOCKED, REDEEMED, REVOKED -> {
                    sql.append(" AND c.status = ?");
                    params.add(status.name());
                }
            }
        }
        if (scene != null) {
            sql.append(SCENE_MATCHES);
            params.add(scene);
        }
        if (after != null) {
            sql.append(" AND (c.issued_at < ? OR (c.issued_at = ? AND c.id < ?))");
            params.add(ts(after.issuedAt()));
            params.add(ts(after.issuedAt()));
            params.add(after.couponId());
        }
        sql.append(" ORDER BY c.issued_at DESC, c.id DESC LIMIT ?");
        params.add(limit + 1);
        return jdbc.sql(sql.toString()).params(params).query(Coupons::map).list();
    }

    /** AVAILABLE coupons usable now in the scene whose minimum spend the amount meets, soonest to expire first. */
    List<Coupon> usable(String memberId, String scene, long amountFen, Instant now, int max) {
        return jdbc.sql(Coupons.SELECT
                        + " WHERE c.member_id = ? AND c.status = 'AVAILABLE' AND c.expires_at > ? AND c.usable_from <= ?"
                        + " AND t.min_spend_fen <= ?"
                        + SCENE_MATCHES
                        + " ORDER BY c.expires_at, c.id LIMIT ?")
                .params(memberId, ts(now), ts(now), amountFen, scene, max)
                .query(Coupons::map)
                .list();
    }
}
