package io.unimember.points.orders;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An accepted order as stored, with what its refunds have reversed so far. */
record StoredOrder(
        String bu,
        String orderId,
        String memberId,
        long amountFen,
        @Nullable String category,
        Instant occurredAt,
        long pointsEarned,
        long growthEarned,
        boolean capped,
        Instant lotExpiresAt,
        long refundedFen,
        long pointsReversed) {}
