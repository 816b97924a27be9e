package io.unimember.coupon.exchanges;

/**
 * REQUESTED: the hold is asked for; ISSUED: the coupon exists and the hold's confirmation is on its way; FAILED;
 * PENDING_REVIEW: risk control parked it before any point moved, until an operator approves (→ REQUESTED) or rejects
 * (→ FAILED RISK_REJECTED).
 */
enum ExchangeStatus {
    PENDING_REVIEW,
    REQUESTED,
    ISSUED,
    FAILED
}
