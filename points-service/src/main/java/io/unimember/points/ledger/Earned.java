package io.unimember.points.ledger;

import io.unimember.common.events.PointsBalance;
import java.time.Instant;

/**
 * An order's points were credited.
 *
 * @param recovered the part that paid off an earlier refund shortfall instead of becoming available
 * @param expiresAt when the credited points expire
 */
public record Earned(String transferId, long points, long recovered, Instant expiresAt, PointsBalance balance) {}
