package io.unimember.points.orders;

/**
 * Why risk control (design §14) let an accepted order earn nothing for now; a receipt names it, and has none when
 * the order earned as usual. The order itself is always recorded: it is the BU's fact, and its refunds find it.
 */
enum OrderRisk {
    /** The member is frozen: the order earns no points and no growth. */
    FROZEN,
    /** The large-earning decision refused the order's points: it earns no points and no growth. */
    DENIED,
    /**
     * The large-earning decision parked the order's points and growth for an operator: credited once if the review
     * is approved, never if it is rejected.
     */
    PENDING_REVIEW
}
