package io.unimember.points.ledger;

import io.unimember.common.events.PointsBalance;

/**
 * A refund took points back.
 *
 * @param points all the points the refund reverses
 * @param taken the part taken from the member's available points
 * @param shortfall the part the member had already spent, now owed and recovered from later earnings
 */
public record Reversed(String transferId, long points, long taken, long shortfall, PointsBalance balance) {}
