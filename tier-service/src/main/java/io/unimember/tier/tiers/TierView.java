package io.unimember.tier.tiers;

/** A tier as clients read it; the multiplier is a decimal string such as "1.2". */
record TierView(String code, String name, int rank, long growthThreshold, String pointsMultiplier, int monthlyCoupons) {

    static TierView of(Tier tier) {
        return new TierView(
                tier.code(),
                tier.name(),
                tier.rank(),
                tier.growthThreshold(),
                tier.multiplierText(),
                tier.monthlyCoupons());
    }
}
