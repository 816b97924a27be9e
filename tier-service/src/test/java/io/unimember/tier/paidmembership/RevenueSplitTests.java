package io.unimember.tier.paidmembership;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.MembershipTerms.RevenueShare;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Revenue split by basis points: shares round down, the first BU takes the leftover fen, the sum is the amount. */
class RevenueSplitTests {

    private static final List<Plan.Split> SPLIT = List.of(
            new Plan.Split("FOOD_DELIVERY", 5000),
            new Plan.Split("ENTERTAINMENT", 3333),
            new Plan.Split("PLATFORM", 1667));

    @Test
    void sharesFollowTheBasisPointsAndTheFirstBuTakesTheRoundingLeftover() {
        List<RevenueShare> shares = RevenueSplit.of(1001, SPLIT);
        // 500.5 → 500, 333.6 → 333, 166.8 → 166: 2 fen left over go to FOOD_DELIVERY
        assertThat(shares)
                .containsExactly(
                        new RevenueShare("FOOD_DELIVERY", 502),
                        new RevenueShare("ENTERTAINMENT", 333),
                        new RevenueShare("PLATFORM", 166));
    }

    @Test
    void theSharesAlwaysSumToTheAmount() {
        for (long amount : new long[] {0, 1, 7, 999, 1800, 12_345_67}) {
            assertThat(RevenueSplit.of(amount, SPLIT).stream()
                            .mapToLong(RevenueShare::amountFen)
                            .sum())
                    .isEqualTo(amount);
        }
    }
}
