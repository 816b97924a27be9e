package io.unimember.points.holds;

/** A hold is HELD until it resolves, once, into one of the other states. */
enum HoldStatus {
    HELD,
    CONFIRMED,
    CANCELLED,
    EXPIRED
}
