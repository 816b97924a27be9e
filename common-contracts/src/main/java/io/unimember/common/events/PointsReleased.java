package io.unimember.common.events;

/** A hold's points went back to available: {@code reason} is CANCELLED or EXPIRED. */
@EventType(value = "points.released", topic = Topics.POINTS)
public record PointsReleased(
        String memberId, String holdId, String bu, long points, String reason, PointsBalance balance)
        implements BalanceChange {}
