package io.unimember.points.ledger;

import io.unimember.common.events.PointsBalance;

/** A transfer was posted; {@code balance} is the member's balance right after it. */
public record Posted(String transferId, long points, PointsBalance balance) {}
