package io.unimember.points.earning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class EarnRuleTests {

    private static final BusinessUnit DEFAULT = new BusinessUnit("DINE_IN", "到店餐饮", 10_000, 10_000);
    private static final long CAP = 20_000;

    @Test
    void earnsOnePointPerYuanByDefaultRoundingDown() {
        Earning earning = EarnRule.apply(12_899, DEFAULT, BigDecimal.ONE, 0, CAP);

        assertThat(earning).isEqualTo(new Earning(128, 128, 128, false));
    }

    @Test
    void lessThanAYuanEarnsNothing() {
        assertThat(EarnRule.apply(99, DEFAULT, BigDecimal.ONE, 0, CAP)).isEqualTo(new Earning(0, 0, 0, false));
    }

    @Test
    void tierMultiplierScalesPointsButNotGrowthAndFractionsRoundDown() {
        Earning earning = EarnRule.apply(10_050, DEFAULT, new BigDecimal("1.2"), 0, CAP);

        // 100.5 yuan × 1.2 = 120.6 points → 120; growth 100.5 → 100
        assertThat(earning).isEqualTo(new Earning(120, 120, 100, false));
    }

    @Test
    void perBuRatesApplyToPointsAndGrowthSeparately() {
        var hotel = new BusinessUnit("HOTEL", "酒店", 15_000, 5_000);

        Earning earning = EarnRule.apply(10_000, hotel, new BigDecimal("2.0"), 0, CAP);

        assertThat(earning).isEqualTo(new Earning(300, 300, 50, false));
    }

    @Test
    void dailyCapCutsPointsToWhatIsLeftAndSaysSo() {
        Earning earning = EarnRule.apply(100_000, DEFAULT, BigDecimal.ONE, 19_500, CAP);

        assertThat(earning).isEqualTo(new Earning(500, 1_000, 1_000, true));
    }

    @Test
    void anExhaustedCapEarnsNoPointsButStillGrowth() {
        Earning earning = EarnRule.apply(100_000, DEFAULT, BigDecimal.ONE, 20_000, CAP);

        assertThat(earning).isEqualTo(new Earning(0, 1_000, 1_000, true));
    }

    @Test
    void exactlyReachingTheCapIsNotCapped() {
        Earning earning = EarnRule.apply(100_000, DEFAULT, BigDecimal.ONE, 19_000, CAP);

        assertThat(earning.points()).isEqualTo(1_000);
        assertThat(earning.capped()).isFalse();
    }

    @Test
    void largestOrderDoesNotOverflow() {
        Earning earning = EarnRule.apply(1_000_000_000L, DEFAULT, new BigDecimal("100"), 0, Long.MAX_VALUE);

        assertThat(earning.points()).isEqualTo(1_000_000_000L);
    }

    @Test
    void negativeInputsAreRefused() {
        assertThatThrownBy(() -> EarnRule.apply(-1, DEFAULT, BigDecimal.ONE, 0, CAP))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EarnRule.apply(100, DEFAULT, new BigDecimal("-1"), 0, CAP))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
