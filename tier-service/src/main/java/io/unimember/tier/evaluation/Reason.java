package io.unimember.tier.evaluation;

/** Why a member's tier changed, as {@code tier.changed} says it. */
public enum Reason {
    /** The member is new to the program (or to tier-service): the lowest tier. */
    REGISTERED,
    /** The member's first completed order. */
    FIRST_ORDER,
    /** Rolling growth crossed a threshold. */
    UPGRADE,
    /** The monthly evaluation found growth below the tier's threshold after retention. */
    DOWNGRADE,
    /** An operator changed the rules: a lowered threshold, or new benefits for the member's tier. */
    ADMIN_RULES
}
