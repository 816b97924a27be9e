package io.unimember.coupon.exchanges;

/** REQUESTED: the hold is asked for; ISSUED: the coupon exists and the hold's confirmation is on its way; FAILED. */
enum ExchangeStatus {
    REQUESTED,
    ISSUED,
    FAILED
}
