package io.unimember.tier.evaluation;

import static io.unimember.tier.evaluation.DefaultTiers.TABLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TierEvaluationTests {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void firstSmallOrderGrantsSilverAsFirstOrder() {
        assertThat(TierEvaluation.upgrades(TABLE, "REGULAR", 0, "SILVER", true, Reason.UPGRADE))
                .containsExactly(new Step("REGULAR", "SILVER", Reason.FIRST_ORDER));
    }

    @Test
    void bigFirstOrderPassesThroughSilverToGoldOneStepPerTierInOrder() {
        assertThat(TierEvaluation.upgrades(TABLE, "REGULAR", 2500, "SILVER", true, Reason.UPGRADE))
                .containsExactly(
                        new Step("REGULAR", "SILVER", Reason.FIRST_ORDER), new Step("SILVER", "GOLD", Reason.UPGRADE));
    }

    @Test
    void crossingTwoThresholdsIsTwoUpgradesLowestFirst() {
        assertThat(TierEvaluation.upgrades(TABLE, "SILVER", 8000, "SILVER", false, Reason.UPGRADE))
                .containsExactly(
                        new Step("SILVER", "GOLD", Reason.UPGRADE), new Step("GOLD", "PLATINUM", Reason.UPGRADE));
    }

    @Test
    void growthJustBelowAThresholdUpgradesNothing() {
        assertThat(TierEvaluation.upgrades(TABLE, "SILVER", 1999, "SILVER", false, Reason.UPGRADE))
                .isEmpty();
    }

    @Test
    void growthNeverUpgradesPastTheTopAndNeverDowngrades() {
        assertThat(TierEvaluation.upgrades(TABLE, "BLACK_DIAMOND", 1_000_000, "SILVER", false, Reason.UPGRADE))
                .isEmpty();
        assertThat(TierEvaluation.upgrades(TABLE, "DIAMOND", 0, null, false, Reason.UPGRADE))
                .isEmpty();
    }

    @Test
    void withoutAnOrderLittleGrowthLeavesAnOrderedMemberInRegular() {
        assertThat(TierEvaluation.upgrades(TABLE, "REGULAR", 0, null, false, Reason.UPGRADE))
                .isEmpty();
    }

    @Test
    void aLaterOrderOfAMemberWhoOrderedBeforeIsAnUpgradeNotAFirstOrder() {
        assertThat(TierEvaluation.upgrades(TABLE, "REGULAR", 0, "SILVER", false, Reason.UPGRADE))
                .containsExactly(new Step("REGULAR", "SILVER", Reason.UPGRADE));
    }

    @Test
    void ruleChangeUpgradesCarryTheAdminReason() {
        assertThat(TierEvaluation.upgrades(TABLE, "GOLD", 9000, null, false, Reason.ADMIN_RULES))
                .containsExactly(new Step("GOLD", "PLATINUM", Reason.ADMIN_RULES));
    }

    @Test
    void retentionProtectsATierWhateverTheGrowth() {
        Instant retainedUntil = NOW.plus(Duration.ofSeconds(1));
        assertThat(TierEvaluation.downgrade(TABLE, "DIAMOND", 0, retainedUntil, NOW))
                .isEmpty();
    }

    @Test
    void afterRetentionGrowthBelowTheThresholdDropsExactlyOneTier() {
        assertThat(TierEvaluation.downgrade(TABLE, "DIAMOND", 0, NOW, NOW))
                .contains(new Step("DIAMOND", "PLATINUM", Reason.DOWNGRADE));
    }

    @Test
    void growthAtTheThresholdKeepsTheTier() {
        assertThat(TierEvaluation.downgrade(TABLE, "GOLD", 2000, NOW.minusSeconds(1), NOW))
                .isEmpty();
        assertThat(TierEvaluation.downgrade(TABLE, "GOLD", 1999, NOW.minusSeconds(1), NOW))
                .contains(new Step("GOLD", "SILVER", Reason.DOWNGRADE));
    }

    @Test
    void theLowestTierHasNowhereToGo() {
        assertThat(TierEvaluation.downgrade(TABLE, "REGULAR", 0, null, NOW)).isEmpty();
    }

    @Test
    void everyTierButTheLowestIsRetainedForTheRetentionPeriod() {
        Duration ninetyDays = Duration.ofDays(90);
        assertThat(TierEvaluation.retainedUntil(TABLE, "GOLD", NOW, ninetyDays))
                .isEqualTo(Instant.parse("2026-05-30T00:00:00Z"));
        assertThat(TierEvaluation.retainedUntil(TABLE, "REGULAR", NOW, ninetyDays))
                .isNull();
    }
}
