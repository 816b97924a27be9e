package io.unimember.common.events;

import java.time.Instant;

/** Points credited for an order; {@code capped} says the daily cap cut them. */
@EventType(value = "points.earned", topic = Topics.POINTS)
public record PointsEarned(
        String memberId,
        String transferId,
        String bu,
        String orderId,
        long points,
        boolean capped,
        Instant expiresAt,
        PointsBalance balance)
        implements BalanceChange {}
