package io.unimember.points.earning;

/**
 * A business unit and its rates, in basis points per yuan: 10000 means 1 point (or 1 growth) per ¥1.
 *
 * @param code the BU code, e.g. {@code DINE_IN}
 */
public record BusinessUnit(String code, String name, int pointsPerYuanBp, int growthPerYuanBp) {}
