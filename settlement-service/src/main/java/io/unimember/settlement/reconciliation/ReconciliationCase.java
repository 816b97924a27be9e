package io.unimember.settlement.reconciliation;

/**
 * Something reconciliation lists beside the pairs: {@code REWARD_USED_BEFORE_REFUND}, a reward coupon the member had
 * already used when the order that earned it was refunded in full; nothing was clawed back (decision 0037).
 */
record ReconciliationCase(
        String kind,
        String eventId,
        String memberId,
        String couponId,
        String fundingBu,
        String orderBu,
        String orderRef) {

    static final String REWARD_USED_BEFORE_REFUND = "REWARD_USED_BEFORE_REFUND";
}
