package io.unimember.coupon.coupons;

/** How a coupon reached the wallet; carried by {@code coupon.issued}. */
public enum Channel {
    CLAIM,
    GRANT,
    REWARD,
    ALLOTMENT,
    MEMBERSHIP,
    EXCHANGE
}
