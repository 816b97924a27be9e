package io.unimember.points.orders;

/**
 * The answer to a refund.
 *
 * @param pointsReversed the points this refund took back (its share of the order's points, rounded down)
 * @param shortfall the part of them the member had already spent, recovered from later earnings
 * @param pointsReturned the points spent on the order that this refund gave back (its share, rounded down)
 * @param growthReversed the growth this refund takes back (its share, rounded down), as tier-service reverses it
 * @param refundedFen everything refunded on the order so far
 */
record RefundReceipt(
        String refundId,
        String orderId,
        long amountFen,
        long pointsReversed,
        long shortfall,
        long pointsReturned,
        long growthReversed,
        long refundedFen) {}
