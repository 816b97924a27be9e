package io.unimember.common.events;

import java.time.Instant;
import java.util.List;

/** A confirmed hold: points spent at {@code spendingBu}, oldest lots first, split by the BU that issued them. */
@EventType(value = "points.redeemed", topic = Topics.POINTS)
public record PointsRedeemed(
        String memberId,
        String holdId,
        String transferId,
        String spendingBu,
        String orderRef,
        long points,
        List<SpentLot> lots,
        Instant redeemedAt,
        PointsBalance balance)
        implements BalanceChange {}
