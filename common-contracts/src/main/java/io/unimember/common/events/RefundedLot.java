package io.unimember.common.events;

import java.time.Instant;

/**
 * Refunded points given back to one lot: the BU that issued them, the lot's original expiry, and whether that expiry
 * had passed (then the points went to the issuing BU's expiry account, not to the member).
 */
public record RefundedLot(String issuingBu, Instant expiresAt, long points, boolean expired) {}
