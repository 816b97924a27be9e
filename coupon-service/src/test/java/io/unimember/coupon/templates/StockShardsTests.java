package io.unimember.coupon.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StockShardsTests {

    @ParameterizedTest(name = "quantity {0}, budget {1}, face {2}, up to {3} shards -> {4} shards issuing {5}")
    @CsvSource({
        // quantity, budget, face, maxShards, shards, issuable
        "50,      20000,    500,  8, 8, 40", // the storm: the budget funds 40 of 50
        "50,      20000,    500,  3, 3, 40", // 40 does not split evenly in 3: 14, 13, 13
        "10,      1000000,  500,  8, 8, 10", // quantity-bound
        "3,       1000000,  500,  8, 3, 3", // fewer coupons than shards
        "100,     20499,    500,  8, 8, 40", // 499 fen of budget can fund nothing more
        "1,       500,      500,  8, 1, 1",
        "1000000, 10000000, 1500, 8, 8, 6666",
    })
    void sharesAddUpToTheTotalsAndStrandNoCoupon(
            long quantity, long budget, long face, int maxShards, int shards, long issuable) {
        List<StockShards.Shard> split = StockShards.split(quantity, budget, face, maxShards);

        assertThat(split).hasSize(shards);
        assertThat(split.stream().mapToLong(StockShards.Shard::quantity).sum()).isEqualTo(quantity);
        assertThat(split.stream().mapToLong(StockShards.Shard::budgetFen).sum()).isEqualTo(budget);
        long canIssue = split.stream()
                .mapToLong(s -> Math.min(s.quantity(), s.budgetFen() / face))
                .sum();
        assertThat(canIssue).isEqualTo(issuable);
        long smallest = split.stream()
                .mapToLong(s -> Math.min(s.quantity(), s.budgetFen() / face))
                .min()
                .orElseThrow();
        long largest = split.stream()
                .mapToLong(s -> Math.min(s.quantity(), s.budgetFen() / face))
                .max()
                .orElseThrow();
        assertThat(largest - smallest).as("evenly dealt").isLessThanOrEqualTo(1);
    }

    @Test
    void aTemplateThatFundsNothingCannotBeSplit() {
        assertThatThrownBy(() -> StockShards.split(10, 499, 500, 8)).isInstanceOf(IllegalArgumentException.class);
    }
}
