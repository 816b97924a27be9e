package io.unimember.points.ledger;

import java.time.Instant;

/** Points taken from (or put back into) one lot; {@code bu} is the BU that issued them. */
record Allocation(long lotId, String bu, Instant expiresAt, long points) {}
