package io.unimember.points.holds;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A hold as stored. */
record Hold(
        String bu,
        String holdId,
        String memberId,
        long points,
        String orderRef,
        HoldStatus status,
        Instant expiresAt,
        @Nullable Instant resolvedAt) {}
