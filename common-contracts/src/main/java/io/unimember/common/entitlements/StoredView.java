package io.unimember.common.entitlements;

import io.unimember.common.events.ExpiringPoints;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The view as member-service stores it in MySQL and caches it in Redis ({@link CachedViews}): everything a lookup
 * needs, for any scene and amount, so a lookup only filters and computes in memory ({@link ViewRenderer}). member-service
 * is its only writer; the gateway reads it to answer lookups itself.
 */
public record StoredView(
        String memberId,
        TierState tier,
        PointsState points,
        List<CouponTerms> coupons,
        List<String> consents,
        @Nullable MembershipState membership) {

    /**
     * @param consents the merchants the member lets read their data (ids, sorted); a view written before consents
     *     were kept in it has none, and a reader then asks member-service, which reads the consent table
     * @param membership the member's paid membership, none before the first
     */
    public StoredView {
        consents = consents == null ? List.of() : List.copyOf(consents);
    }

    /** A view without a paid membership. */
    public StoredView(
            String memberId, TierState tier, PointsState points, List<CouponTerms> coupons, List<String> consents) {
        this(memberId, tier, points, coupons, consents, null);
    }

    /** A view without consents. */
    public StoredView(String memberId, TierState tier, PointsState points, List<CouponTerms> coupons) {
        this(memberId, tier, points, coupons, List.of());
    }

    /** Whether the member lets this merchant read their data, as far as this view knows. */
    public boolean lets(String merchantId) {
        return consents.contains(merchantId);
    }

    public record TierState(
            String code,
            String name,
            long growth,
            @Nullable String nextTier,
            long growthToNext,
            String pointsMultiplier,
            int monthlyCoupons) {}

    public record PointsState(long available, long frozen, List<ExpiringPoints> expiring) {}

    /**
     * The paid membership as its events last said; {@code version} orders them (the membership's own). An ended one
     * ({@code running} false: lapsed, refunded) is kept, not shown, so that its version still turns older events away.
     *
     * @param counted each counted benefit with its uses in the month they were last counted for
     */
    public record MembershipState(
            String planCode, String planName, Instant endsAt, List<Counted> counted, boolean running, long version) {

        /** {@code used} of {@code perMonth} uses in the business month {@code [monthStart, monthEnd)}. */
        public record Counted(
                String benefit, int perMonth, int used, @Nullable Instant monthStart, @Nullable Instant monthEnd) {

            /** What remains at {@code now}: a month other than the counted one starts from the full allowance. */
            public int remainingAt(Instant now) {
                boolean counting =
                        monthStart != null && monthEnd != null && !now.isBefore(monthStart) && now.isBefore(monthEnd);
                return counting ? Math.max(0, perMonth - used) : perMonth;
            }
        }
    }

    /** A coupon's terms as {@code coupon.issued} carried them, and whether a checkout holds it now. */
    public record CouponTerms(
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

        public CouponTerms withLocked(boolean isLocked) {
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

    /** The view of a member no event has mentioned yet: the default tier, no points, no coupons. */
    public static StoredView initial(String memberId, TierState defaultTier) {
        return new StoredView(memberId, defaultTier, new PointsState(0, 0, List.of()), List.of());
    }

    public StoredView withTier(TierState newTier) {
        return new StoredView(memberId, newTier, points, coupons, consents, membership);
    }

    public StoredView withPoints(PointsState newPoints) {
        return new StoredView(memberId, tier, newPoints, coupons, consents, membership);
    }

    public StoredView withCoupons(List<CouponTerms> newCoupons) {
        return new StoredView(memberId, tier, points, newCoupons, consents, membership);
    }

    public StoredView withConsents(List<String> merchantIds) {
        return new StoredView(
                memberId, tier, points, coupons, merchantIds.stream().sorted().toList(), membership);
    }

    public StoredView withMembership(@Nullable MembershipState newMembership) {
        return new StoredView(memberId, tier, points, coupons, consents, newMembership);
    }
}
