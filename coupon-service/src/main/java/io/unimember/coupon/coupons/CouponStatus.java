package io.unimember.coupon.coupons;

/** Where a coupon is in its life: AVAILABLE → LOCKED → REDEEMED, LOCKED → AVAILABLE on release, AVAILABLE → EXPIRED;
 * REDEEMED → AVAILABLE when a refund returns it, AVAILABLE → REVOKED when a refund takes a reward back;
 * PENDING_REVIEW → AVAILABLE or REJECTED when an operator decides a claim or reward risk control parked. */
public enum CouponStatus {
    AVAILABLE,
    LOCKED,
    REDEEMED,
    EXPIRED,
    /** A reward taken back unused because the order that earned it was refunded. */
    REVOKED,
    /** Issued under risk review: not usable, and not announced ({@code coupon.issued}) until approved. */
    PENDING_REVIEW,
    /** Refused on review: never usable; its stock and budget went back to the template and the pool. */
    REJECTED
}
