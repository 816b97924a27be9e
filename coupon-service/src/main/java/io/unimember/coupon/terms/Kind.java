package io.unimember.coupon.terms;

/** FIXED is 满减 (a fixed amount off); PERCENT is a percentage off with a cap. */
public enum Kind {
    FIXED,
    PERCENT
}
