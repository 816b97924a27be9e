package io.unimember.coupon.campaigns;

/** What makes a campaign act for a member. */
public enum TriggerType {
    /** An order completes: {bu?, minAmountFen?, category?, firstInBu?, nthOrder?}. */
    ORDER_COMPLETED,
    /** An order in toBu within withinDays after one in fromBu. */
    CROSS_BU,
    /** No order in any BU for days. */
    INACTIVE,
    BIRTHDAY,
    /** The member's tier changes to toTier. */
    TIER_CHANGED,
    /** daysBefore days before a lot of the member's points expires. */
    POINTS_EXPIRING,
    /** Within withinDays of registering. */
    REGISTERED;

    /** Whether an order event is what fires it (the rest are evaluated by the scheduled job). */
    boolean onOrders() {
        return this == ORDER_COMPLETED || this == CROSS_BU;
    }
}
