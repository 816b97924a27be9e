package io.unimember.common.events;

import java.util.List;

/**
 * Points spent on an order came back because the order was refunded: {@code points} in all, split over the lots they
 * had been taken from. A lot that has expired meanwhile takes its share to the expiry account instead of the member
 * ({@link RefundedLot#expired()}), so {@code balance} rose by the lots' non-expired points only.
 */
@EventType(value = "points.refunded", topic = Topics.POINTS)
public record PointsRefunded(
        String memberId,
        String transferId,
        String bu,
        String orderId,
        String refundId,
        long points,
        List<RefundedLot> lots,
        PointsBalance balance)
        implements BalanceChange {}
