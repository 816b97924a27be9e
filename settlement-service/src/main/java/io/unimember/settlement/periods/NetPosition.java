package io.unimember.settlement.periods;

/**
 * What one party pays another for a period once their obligations both ways are set off: {@code fromBu} owes
 * {@code toBu} {@code netFen} (never negative; when it is zero, {@code fromBu} is the code that sorts first).
 */
public record NetPosition(String fromBu, String toBu, long netFen) {}
