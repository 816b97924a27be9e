package io.unimember.points.holds;

import io.unimember.common.events.SpentLot;
import java.time.Instant;
import java.util.List;

/**
 * How a hold resolved. For a confirmed hold, {@code lots} says how many of the spent points each BU issued; asking
 * again answers the same.
 */
record HoldResolution(String holdId, HoldStatus status, long points, List<SpentLot> lots, Instant resolvedAt) {}
