package io.unimember.tier.paidmembership;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.tier.tiers.Tier;
import io.unimember.tier.tiers.TierTable;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The eligibility discount (the 88VIP 淘气值 rule): the lowest price a member qualifies for by tier or by growth. */
class PricingTests {

    private static final TierTable TIERS = new TierTable(List.of(
            new Tier("REGULAR", "普通", 1, 0, BigDecimal.ONE, 2, 0),
            new Tier("SILVER", "白银", 2, 1, BigDecimal.ONE, 2, 0),
            new Tier("GOLD", "黄金", 3, 2000, new BigDecimal("1.20"), 5, 0),
            new Tier("PLATINUM", "铂金", 4, 8000, new BigDecimal("1.30"), 6, 0),
            new Tier("DIAMOND", "钻石", 5, 20000, new BigDecimal("1.50"), 8, 0)));

    private static final Plan PLAN = new Plan(
            "SUPER",
            "神会员",
            Plan.Period.MONTH,
            1800,
            List.of(new Plan.Discount("GOLD", null, 1200), new Plan.Discount(null, 20_000L, 900)),
            List.of(),
            List.of(new Plan.Split("FOOD_DELIVERY", 10_000)));

    @Test
    void aMemberBelowEveryDiscountPaysThePlansPrice() {
        assertThat(Pricing.priceFen(PLAN, TIERS, "SILVER", 1500)).isEqualTo(1800);
    }

    @Test
    void aMemberAtTheTierOrAbovePaysTheTierPrice() {
        assertThat(Pricing.priceFen(PLAN, TIERS, "GOLD", 2000)).isEqualTo(1200);
        assertThat(Pricing.priceFen(PLAN, TIERS, "PLATINUM", 9000)).isEqualTo(1200);
    }

    @Test
    void aMemberBelowTheTierWithGrowthAtTheThresholdPaysTheGrowthPrice() {
        assertThat(Pricing.priceFen(PLAN, TIERS, "SILVER", 20_000)).isEqualTo(900);
        assertThat(Pricing.priceFen(PLAN, TIERS, "SILVER", 19_999)).isEqualTo(1800);
    }

    @Test
    void aTierTheTableNoLongerHasEarnsNoTierDiscountButGrowthStillCounts() {
        assertThat(Pricing.priceFen(PLAN, TIERS, "RETIRED", 0)).isEqualTo(1800);
        assertThat(Pricing.priceFen(PLAN, TIERS, "RETIRED", 20_000)).isEqualTo(900);
    }

    @Test
    void theLowestQualifyingPriceWins() {
        assertThat(Pricing.priceFen(PLAN, TIERS, "DIAMOND", 25_000)).isEqualTo(900);
    }
}
