package io.unimember.common.events;

import java.time.Instant;

/** Points frozen for a checkout until it is confirmed, cancelled or the hold expires. */
@EventType(value = "points.held", topic = Topics.POINTS)
public record PointsHeld(
        String memberId,
        String holdId,
        String bu,
        String orderRef,
        long points,
        Instant expiresAt,
        PointsBalance balance)
        implements BalanceChange {}
