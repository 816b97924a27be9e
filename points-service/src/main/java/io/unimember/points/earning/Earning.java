package io.unimember.points.earning;

/**
 * What an order earns.
 *
 * @param points the points credited, after the daily cap
 * @param uncappedPoints what the order would have earned without the cap
 * @param growth the tier growth the order yields (never capped, not multiplied)
 * @param capped whether the daily cap cut the points
 */
public record Earning(long points, long uncappedPoints, long growth, boolean capped) {}
