package io.unimember.points.ledger;

import io.unimember.common.events.PointsBalance;
import io.unimember.common.events.RefundedLot;
import java.util.List;

/**
 * A refund gave spent points back.
 *
 * @param toMember the part that went back into the member's lots (and available points)
 * @param toExpiry the part whose lots had expired meanwhile, moved to the expiry sink
 */
public record Returned(
        String transferId, long points, long toMember, long toExpiry, List<RefundedLot> lots, PointsBalance balance) {}
