package io.unimember.tier.tiers;

import java.math.BigDecimal;

/**
 * One tier's rule: who reaches it (rolling growth of at least {@code growthThreshold}) and what it gives.
 *
 * @param rank orders the tiers, lowest first; unique
 * @param revision the rules revision this tier last changed in
 */
public record Tier(
        String code,
        String name,
        int rank,
        long growthThreshold,
        BigDecimal pointsMultiplier,
        int monthlyCoupons,
        long revision) {

    /** The multiplier as consumers read it: a plain decimal string with at least one decimal, e.g. "1.0", "1.25". */
    public String multiplierText() {
        BigDecimal stripped = pointsMultiplier.stripTrailingZeros();
        return (stripped.scale() < 1 ? stripped.setScale(1) : stripped).toPlainString();
    }
}
