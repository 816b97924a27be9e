package io.unimember.common.events;

import java.time.Instant;

/** Lots reached the end of the 12th month after earning and left the member's balance. */
@EventType(value = "points.expired", topic = Topics.POINTS)
public record PointsExpired(String memberId, String transferId, long points, Instant expiredAt, PointsBalance balance)
        implements BalanceChange {}
