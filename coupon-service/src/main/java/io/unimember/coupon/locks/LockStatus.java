package io.unimember.coupon.locks;

/** A lock is LOCKED until it resolves, once, to one of the others. */
enum LockStatus {
    LOCKED,
    REDEEMED,
    RELEASED,
    EXPIRED
}
