package io.unimember.common.risk;

/** A point that costs money, where a risk decision is taken. */
public enum Checkpoint {
    /** A phone's first login, which creates a member (member-service). */
    REGISTRATION,
    /** A member claims a coupon (coupon-service). */
    CLAIM,
    /** A member exchanges points for a coupon (coupon-service). */
    EXCHANGE,
    /** A reward rule grants a coupon for an order (coupon-service). */
    REWARD,
    /** An order earns more points than {@code unimember.risk.large-earning-points} (points-service). */
    EARNING
}
