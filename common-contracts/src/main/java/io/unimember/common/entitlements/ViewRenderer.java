package io.unimember.common.entitlements;

import io.unimember.common.events.ExpiringPoints;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns a stored view into the answer for one scene and amount, in memory: coupons for the scene (or ALL), their
 * discount for the amount, best first; expired points and coupons left out.
 */
public final class ViewRenderer {

    public static final String ALL_SCENES = "ALL";
    private static final Comparator<EntitlementView.Coupon> BEST_FIRST = Comparator.comparing(
                    EntitlementView.Coupon::usable)
            .reversed()
            .thenComparing(Comparator.comparingLong(EntitlementView.Coupon::discountFen)
                    .reversed())
            .thenComparing(EntitlementView.Coupon::expiresAt)
            .thenComparing(EntitlementView.Coupon::couponId);

    private ViewRenderer() {}

    public static EntitlementView render(
            StoredView view, @Nullable String scene, @Nullable Long amountFen, Instant now, long fenPerPoint) {
        StoredView.TierState tier = view.tier();
        List<EntitlementView.Expiring> expiring = new ArrayList<>();
        for (ExpiringPoints lot : view.points().expiring()) {
            if (lot.expiresAt().isAfter(now)) {
                expiring.add(new EntitlementView.Expiring(lot.points(), lot.expiresAt()));
            }
        }
        List<EntitlementView.Coupon> coupons = new ArrayList<>();
        for (StoredView.CouponTerms coupon : view.coupons()) {
            if (coupon.expiresAt().isAfter(now) && appliesTo(coupon, scene)) {
                coupons.add(offer(coupon, amountFen));
            }
        }
        coupons.sort(BEST_FIRST);
        return new EntitlementView(
                view.memberId(),
                scene,
                new EntitlementView.Tier(tier.code(), tier.name(), tier.growth(), tier.nextTier(), tier.growthToNext()),
                new EntitlementView.Points(
                        view.points().available(),
                        view.points().frozen(),
                        Math.multiplyExact(view.points().available(), fenPerPoint),
                        expiring),
                coupons,
                List.of(
                        new EntitlementView.Benefit("POINTS_MULTIPLIER", tier.pointsMultiplier()),
                        new EntitlementView.Benefit("MONTHLY_COUPONS", Integer.toString(tier.monthlyCoupons()))),
                membership(view.membership(), now));
    }

    private static EntitlementView.@Nullable Membership membership(
            StoredView.@Nullable MembershipState membership, Instant now) {
        if (membership == null || !membership.running()) {
            return null;
        }
        List<EntitlementView.Counted> counted =
                new ArrayList<>(membership.counted().size());
        for (StoredView.MembershipState.Counted c : membership.counted()) {
            counted.add(new EntitlementView.Counted(c.benefit(), c.remainingAt(now)));
        }
        return new EntitlementView.Membership(membership.planCode(), membership.endsAt(), counted);
    }

    private static boolean appliesTo(StoredView.CouponTerms coupon, @Nullable String scene) {
        return scene == null
                || coupon.scenes().contains(scene)
                || coupon.scenes().contains(ALL_SCENES);
    }

    private static EntitlementView.Coupon offer(StoredView.CouponTerms coupon, @Nullable Long amountFen) {
        long discount = amountFen == null ? coupon.discountFen() : discountFor(coupon, amountFen);
        boolean usable = !coupon.locked() && (amountFen == null || discount > 0);
        return new EntitlementView.Coupon(coupon.couponId(), coupon.name(), discount, usable, coupon.expiresAt());
    }

    /** What the coupon takes off this amount: nothing below the minimum spend, never more than the amount. */
    public static long discountFor(StoredView.CouponTerms coupon, long amountFen) {
        if (amountFen < coupon.minSpendFen() || amountFen <= 0) {
            return 0;
        }
        long discount;
        if ("PERCENT".equals(coupon.kind()) && coupon.percentOff() != null) {
            discount = amountFen * coupon.percentOff() / 100;
            long cap = coupon.maxDiscountFen() != null ? coupon.maxDiscountFen() : coupon.discountFen();
            if (cap > 0) {
                discount = Math.min(discount, cap);
            }
        } else {
            discount = coupon.discountFen();
        }
        return Math.max(0, Math.min(discount, amountFen));
    }
}
