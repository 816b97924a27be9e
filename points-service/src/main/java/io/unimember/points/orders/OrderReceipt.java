package io.unimember.points.orders;

/** The answer to an accepted order; {@code capped} says the daily cap cut its points (growth is never capped). */
record OrderReceipt(String orderId, long pointsEarned, long growthEarned, boolean capped) {}
