package io.unimember.points.ledger;

/** What a transfer was for; with (bu, reference) it names one business operation, which posts at most once. */
public enum TransferKind {
    /** An order's points: BU issuance to member available. */
    EARN,
    /** Part of an earning paid a refund shortfall: member available to member debt. */
    RECOVERY,
    /** A refund took points back: member available (and debt for what was spent) to BU issuance. */
    REVERSAL,
    /** A hold froze points: member available to member frozen. */
    HOLD,
    /** A hold was cancelled or expired: member frozen back to available. */
    RELEASE,
    /** A hold was confirmed: member frozen to the redemption sink of each issuing BU. */
    REDEEM,
    /**
     * A refund gave spent points back: the redemption sink of each issuing BU to member available, or to the expiry
     * sink for a lot whose expiry has passed. Its reference is the refund id.
     */
    RETURN,
    /** Lots reached their expiry: member available to the expiry sink of each issuing BU. */
    EXPIRE
}
