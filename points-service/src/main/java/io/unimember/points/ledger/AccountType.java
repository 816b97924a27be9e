package io.unimember.points.ledger;

/**
 * The kinds of ledger account. Member accounts are keyed by member id, the others by BU code: the BU that issued
 * the points (for the sinks, the BU whose issued points were redeemed or expired).
 */
public enum AccountType {
    /** Points a member can spend. */
    MEMBER_AVAILABLE,
    /** Points frozen by a hold until it is confirmed, cancelled or expires. */
    MEMBER_FROZEN,
    /** What a member owes: refunded points they had already spent, recovered from later earnings (never positive). */
    MEMBER_DEBT,
    /** A BU's outstanding points liability (negative: what it issued and members still hold). */
    BU_ISSUANCE,
    /** Points spent at checkout, per issuing BU. */
    REDEMPTION,
    /** Points that reached their expiry unspent, per issuing BU. */
    EXPIRY
}
