package io.unimember.settlement.prices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PriceQuoteTests {

    @Test
    void fullPriceSettlesTheFaceValue() {
        assertThat(new PriceQuote(null, 10_000).apply(1_500)).isEqualTo(1_500);
    }

    @Test
    void aRateInBasisPointsRoundsHalfUpToTheFen() {
        assertThat(new PriceQuote(1L, 8_000).apply(1_500)).isEqualTo(1_200);
        assertThat(new PriceQuote(1L, 3_333).apply(15)).isEqualTo(5); // 4.9995
        assertThat(new PriceQuote(1L, 5_000).apply(3)).isEqualTo(2); // 1.5
        assertThat(new PriceQuote(1L, 5_000).apply(1)).isEqualTo(1); // 0.5
        assertThat(new PriceQuote(1L, 4_999).apply(1)).isZero(); // 0.4999
    }

    @Test
    void aReversalSettlesExactlyMinusTheOriginal() {
        for (long face = -2_000; face <= 2_000; face += 7) {
            for (int rate : new int[] {0, 1, 3_333, 5_000, 6_667, 9_999, 10_000}) {
                var price = new PriceQuote(1L, rate);
                assertThat(price.apply(-face)).isEqualTo(-price.apply(face));
            }
        }
    }

    @Test
    void aZeroPriceSettlesNothing() {
        assertThat(new PriceQuote(1L, 0).apply(99_999)).isZero();
    }
}
