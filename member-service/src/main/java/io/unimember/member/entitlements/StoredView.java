package io.unimember.member.entitlements;

import io.unimember.common.events.ExpiringPoints;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The view as stored in MySQL and cached in Redis: everything a lookup needs, for any scene and amount, so a
 * lookup only filters and computes in memory.
 */
record StoredView(String memberId, TierState tier, PointsState points, List<CouponTerms> coupons) {

    record TierState(
            String code,
            String name,
            long growth,
            @Nullable String nextTier,
            long growthToNext,
            String pointsMultiplier,
            int monthlyCoupons) {}

    record PointsState(long available, long frozen, List<ExpiringPoints> expiring) {}

    /** A coupon's terms as {@code coupon.issued} carried them, and whether a checkout holds it now. */
    record CouponTerms(
            String couponId,
            String name,
            String kind,
            long discountFen,
            @Nullable Integer percentOff,
            @Nullable Long maxDiscountFen,
            long minSpendFen,
            List<String> scenes,
            Instant expiresAt,
            boolean locked) {

        CouponTerms withLocked(boolean isLocked) {
            return new CouponTerms(
                    couponId,
                    name,
                    kind,
                    discountFen,
                    percentOff,
                    maxDiscountFen,
                    minSpendFen,
                    scenes,
                    expiresAt,
                    isLocked);
        }
    }

    static StoredView initial(String memberId, EntitlementProperties.DefaultTier tier) {
        return new StoredView(
                memberId,
                new TierState(
                        tier.code(),
                        tier.name(),
                        0,
                        tier.nextTier(),
                        tier.growthToNext(),
                        tier.pointsMultiplier(),
                        tier.monthlyCoupons()),
                new PointsState(0, 0, List.of()),
                List.of());
    }

    StoredView withTier(TierState newTier) {
        return new StoredView(memberId, newTier, points, coupons);
    }

    StoredView withPoints(PointsState newPoints) {
        return new StoredView(memberId, tier, newPoints, coupons);
    }

    StoredView withCoupons(List<CouponTerms> newCoupons) {
        return new StoredView(memberId, tier, points, newCoupons);
    }
}
