package io.unimember.coupon.verify;

import io.unimember.coupon.coupons.CouponStatus;
import java.time.Instant;

/** What the POS shows the cashier: which coupon, how much off, now redeemed. No member data. */
record VerifyView(
        String couponId,
        String name,
        long discountFen,
        String fundingBu,
        String redeemingBu,
        String orderRef,
        CouponStatus status,
        Instant redeemedAt) {}
