package io.unimember.coupon.coupons;

/** Where a coupon is in its life: AVAILABLE → LOCKED → REDEEMED, LOCKED → AVAILABLE on release, AVAILABLE → EXPIRED. */
public enum CouponStatus {
    AVAILABLE,
    LOCKED,
    REDEEMED,
    EXPIRED
}
