package io.unimember.tier.growth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class GrowthMathTests {

    private final GrowthWindow window = new GrowthWindow(new GrowthProperties(365, ZoneId.of("Asia/Shanghai"), 10000));

    @Test
    void onePerYuanRoundingDown() {
        assertThat(GrowthMath.growthFor(8800, 10000)).isEqualTo(88);
        assertThat(GrowthMath.growthFor(8899, 10000)).isEqualTo(88);
        assertThat(GrowthMath.growthFor(99, 10000)).isZero();
    }

    @Test
    void perBusinessUnitRateInBasisPoints() {
        assertThat(GrowthMath.growthFor(10000, 15000)).isEqualTo(150);
        assertThat(GrowthMath.growthFor(10000, 5000)).isEqualTo(50);
        assertThat(GrowthMath.growthFor(333, 12345)).isEqualTo(4); // 3.33 * 1.2345 = 4.11
    }

    @Test
    void hugeAmountsDoNotOverflow() {
        assertThat(GrowthMath.growthFor(Long.MAX_VALUE / 2, 10000)).isEqualTo(Long.MAX_VALUE / 2 / 100);
    }

    @Test
    void refundsReverseInProportionRoundingDown() {
        assertThat(GrowthMath.reversedFor(100, 5000, 10000)).isEqualTo(50);
        assertThat(GrowthMath.reversedFor(10, 333, 1000)).isEqualTo(3);
    }

    @Test
    void partialRefundsAddingUpToTheOrderReverseAllOfItsGrowth() {
        // running totals: 333 -> 3, 666 -> 6, 1000 -> 10; per-refund floors would leave 1 behind
        assertThat(GrowthMath.reversedFor(10, 333 + 333 + 334, 1000)).isEqualTo(10);
    }

    @Test
    void refundsBeyondTheOrderAmountReverseNoMoreThanTheOrder() {
        assertThat(GrowthMath.reversedFor(88, 20000, 8800)).isEqualTo(88);
    }

    @Test
    void businessDaysAreShanghaiDays() {
        // 16:30 UTC is 00:30 the next day in Shanghai
        assertThat(window.businessDate(Instant.parse("2026-01-31T16:30:00Z"))).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(window.businessDate(Instant.parse("2026-01-31T15:59:59Z"))).isEqualTo(LocalDate.of(2026, 1, 31));
    }

    @Test
    void anOrderCountsOnItsDayAndThe364After() {
        LocalDate orderDay = LocalDate.of(2025, 3, 1);
        Instant lastDay = Instant.parse("2026-02-28T15:59:59Z"); // 2026-02-28 23:59:59 Shanghai, day 365
        Instant dayAfter = Instant.parse("2026-02-28T16:00:00Z"); // 2026-03-01 00:00 Shanghai
        assertThat(window.contains(orderDay, lastDay)).isTrue();
        assertThat(window.contains(orderDay, dayAfter)).isFalse();
    }
}
