package io.unimember.tier.paidmembership;

import io.unimember.common.events.CouponRedeemed;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A 神券 from the member's plan (a monthly pack's or a partner benefit's template) redeemed during the paid period is
 * a benefit used: a refund deducts its discount (decision 0040). Recorded once per coupon.
 */
@Service
class PackCouponUses {

    /** The benefit code under which pack coupons are recorded; no plan's COUNTED code can start with '_'. */
    static final String COUPON = "_COUPON";

    private final PaidMemberships memberships;
    private final Purchases purchases;
    private final Plans plans;
    private final BenefitUses uses;
    private final PaidMembershipProperties properties;

    PackCouponUses(
            PaidMemberships memberships,
            Purchases purchases,
            Plans plans,
            BenefitUses uses,
            PaidMembershipProperties properties) {
        this.memberships = memberships;
        this.purchases = purchases;
        this.plans = plans;
        this.uses = uses;
        this.properties = properties;
    }

    @Transactional
    public void redeemed(CouponRedeemed coupon) {
        PaidMembership m = memberships.lock(coupon.memberId()).orElse(null);
        if (m == null || m.purchaseId() == null || m.planCode() == null) {
            return;
        }
        Instant at = coupon.redeemedAt().truncatedTo(ChronoUnit.SECONDS);
        // the paid purchase whose period the redemption fell in (not a renewal paid ahead, not yet begun)
        String purchaseId = purchases.paidCovering(coupon.memberId(), at).orElse(null);
        if (purchaseId == null) {
            return;
        }
        boolean fromThePlan = plans.find(m.planCode())
                .map(p -> p.couponPacks().stream().anyMatch(c -> c.templateId().equals(coupon.templateId())))
                .orElse(false);
        if (fromThePlan) {
            uses.addOnce(
                    coupon.redeemingBu(),
                    "coupon:" + coupon.couponId(),
                    coupon.memberId(),
                    COUPON,
                    Periods.month(at, properties.zone()),
                    purchaseId,
                    coupon.discountFen(),
                    at);
        }
    }
}
