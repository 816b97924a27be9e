package io.unimember.tier.tiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TierRuleValidationTests {

    private static List<Tier> defaults() {
        return new ArrayList<>(List.of(
                new Tier("REGULAR", "普通", 1, 0, new BigDecimal("1.00"), 2, 0),
                new Tier("SILVER", "白银", 2, 1, new BigDecimal("1.00"), 2, 0),
                new Tier("GOLD", "黄金", 3, 2000, new BigDecimal("1.20"), 5, 0),
                new Tier("PLATINUM", "铂金", 4, 8000, new BigDecimal("1.30"), 6, 0)));
    }

    private static TierTable with(String code, long threshold) {
        List<Tier> tiers = defaults();
        tiers.replaceAll(t -> t.code().equals(code)
                ? new Tier(
                        t.code(), t.name(), t.rank(), threshold, t.pointsMultiplier(), t.monthlyCoupons(), t.revision())
                : t);
        return new TierTable(tiers);
    }

    @Test
    void thresholdBetweenItsNeighboursIsFine() {
        assertThat(TierRuleValidation.check(with("GOLD", 3000), "GOLD")).isEmpty();
    }

    @Test
    void thresholdEqualToTheTierBelowIsRejected() {
        assertThat(TierRuleValidation.check(with("GOLD", 1), "GOLD"))
                .singleElement()
                .satisfies(e -> assertThat(e.get("message")).contains("greater than SILVER"));
    }

    @Test
    void thresholdAtOrAboveTheTierAboveIsRejected() {
        assertThat(TierRuleValidation.check(with("GOLD", 8000), "GOLD"))
                .singleElement()
                .satisfies(e -> assertThat(e.get("message")).contains("less than PLATINUM"));
    }

    @Test
    void theLowestTierStartsAtZero() {
        assertThat(TierRuleValidation.check(with("REGULAR", 0), "REGULAR")).isEmpty();
        assertThat(TierRuleValidation.check(with("REGULAR", 1), "REGULAR")).hasSize(2);
    }

    @Test
    void theTopTierOnlyHasToBeatTheOneBelow() {
        assertThat(TierRuleValidation.check(with("PLATINUM", 1_000_000), "PLATINUM"))
                .isEmpty();
        assertThat(TierRuleValidation.check(with("PLATINUM", 2000), "PLATINUM")).hasSize(1);
    }

    @Test
    void multipliersReadAsDecimalStringsWithAtLeastOneDecimal() {
        assertThat(tier("1.00").multiplierText()).isEqualTo("1.0");
        assertThat(tier("1.20").multiplierText()).isEqualTo("1.2");
        assertThat(tier("1.25").multiplierText()).isEqualTo("1.25");
        assertThat(tier("2").multiplierText()).isEqualTo("2.0");
        assertThat(tier("10.00").multiplierText()).isEqualTo("10.0");
    }

    private static Tier tier(String multiplier) {
        return new Tier("X", "x", 1, 0, new BigDecimal(multiplier), 0, 0);
    }
}
