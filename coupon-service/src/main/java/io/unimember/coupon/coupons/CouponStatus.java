package io.unimember.coupon.coupons;

/** Where a coupon is in its life: AVAILABLE → LOCKED → REDEEMED, LOCKED → AVAILABLE on release, AVAILABLE → EXPIRED;
 * REDEEMED → AVAILABLE when a refund returns it, AVAILABLE → REVOKED when a refund takes a reward back. */
public enum CouponStatus {
    AVAILABLE,
    LOCKED,
    REDEEMED,
    EXPIRED,
    /** A reward taken back unused because the order that earned it was refunded. */
    REVOKED
}
