package io.unimember.points.ledger;

import io.unimember.common.events.PointsBalance;
import io.unimember.common.events.SpentLot;
import java.util.List;

/** Frozen points were spent; {@code lots} says how many of them each BU issued, oldest lots first. */
public record Spent(String transferId, long points, List<SpentLot> lots, PointsBalance balance) {}
