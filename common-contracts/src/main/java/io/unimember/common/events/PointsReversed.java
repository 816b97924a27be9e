package io.unimember.common.events;

/**
 * Points taken back because of a refund; {@code shortfall} is what the member had already spent and is recovered
 * from later earnings.
 */
@EventType(value = "points.reversed", topic = Topics.POINTS)
public record PointsReversed(
        String memberId,
        String transferId,
        String bu,
        String orderId,
        String refundId,
        long points,
        long shortfall,
        PointsBalance balance)
        implements BalanceChange {}
