package io.unimember.tier.paidmembership;

import io.unimember.tier.tiers.TierTable;

/**
 * What a member pays for a plan: the plan's price, or the lowest discount price they qualify for (the 88VIP 淘气值
 * rule): a {@code minTier} discount for members at that tier or above, a {@code minGrowth} one for rolling growth at
 * least that much.
 */
final class Pricing {

    private Pricing() {}

    static long priceFen(Plan plan, TierTable tiers, String memberTier, long growth) {
        long price = plan.priceFen();
        for (Plan.Discount d : plan.discounts()) {
            boolean qualifies = d.minTier() != null
                    ? tiers.find(d.minTier()).isPresent()
                            && tiers.find(memberTier).isPresent()
                            && tiers.indexOf(memberTier) >= tiers.indexOf(d.minTier())
                    : d.minGrowth() != null && growth >= d.minGrowth();
            if (qualifies) {
                price = Math.min(price, d.priceFen());
            }
        }
        return price;
    }
}
