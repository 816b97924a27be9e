package io.unimember.coupon.campaigns;

/** What a campaign gives a member it fires for. */
public enum ActionType {
    GRANT_COUPON,
    BONUS_POINTS,
    BONUS_GROWTH
}
