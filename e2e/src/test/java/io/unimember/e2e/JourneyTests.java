package io.unimember.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The design's member journey across all six apps, through the gateway, with real MariaDB, Redis and Kafka. */
class JourneyTests {

    static PlatformUnderTest platform;

    @BeforeAll
    static void startPlatform() {
        platform = PlatformUnderTest.shared();
    }

    /**
     * The design's journey, then issue #26's: a first dinner paid with points and a 神券 is refunded in full, and the
     * points, the wallet, the reward, the statement, the reconciliation and the liability all close.
     */
    @Test
    void aDinnerEarnsATierAndA神券ThatIsSpentAtTheCinemaAndSettled() {
        var printed = new ByteArrayOutputStream();
        Journey.Result result = new Journey(
                        platform.gatewayUrl(),
                        new PrintStream(printed, true, StandardCharsets.UTF_8),
                        Duration.ofSeconds(60))
                .run();
        System.out.println(printed.toString(StandardCharsets.UTF_8));

        assertThat(result.number("firstOrderPoints")).isEqualTo(128);
        assertThat(result.text("tierAfterFirstOrder")).isEqualTo("SILVER");
        assertThat(result.number("rewardCouponFen")).isEqualTo(1500);
        assertThat(result.text("rewardCouponFundingBu")).isEqualTo("DINE_IN");
        assertThat(result.number("goldOrderPoints"))
                .as("GOLD multiplier 1.2 on a ¥100 order")
                .isEqualTo(120);
        assertThat(result.number("couponDiscountFen")).isEqualTo(1500);
        // 128 + 2000 + 120 earned, 500 spent
        assertThat(result.number("pointsAfterSpend")).isEqualTo(128 + 2000 + 120 - 500);
        // the 神券's ¥15 plus 500 DINE_IN-issued points at the default price of 100% of 1 fen each
        assertThat(result.number("dineInOwesEntertainmentFen")).isEqualTo(1500 + 500);
        assertThat(result.text("periodStatus")).isEqualTo("CLOSED");
        assertThat(result.number("pointsReversed"))
                .as("half of the banquet's 2,000 points")
                .isEqualTo(1000);
        assertThat(result.number("growthAfterRefund")).isEqualTo(128 + 2000 + 100 - 1000);
        assertThat(result.number("ticketPointsReturned"))
                .as("the 500 points paid for the ticket")
                .isEqualTo(500);
        // the ticket earned 96 points at GOLD (80 × 1.2), reversed by the refund
        assertThat(result.number("ticketPointsReversed")).isEqualTo(96);
        assertThat(result.number("pointsAfterTicketRefund")).isEqualTo(500 - 96);
        assertThat(result.text("couponBackInWallet")).isEqualTo("true");
        assertThat(result.number("reversalLines"))
                .as("the coupon's and the points' reversal")
                .isGreaterThanOrEqualTo(2);
        assertThat(result.number("reconciliationDifferences")).isZero();
        assertThat(result.text("liabilityAddsUp")).isEqualTo("true");
        assertThat(result.number("merchantWithoutConsent")).isEqualTo(403);
        assertThat(result.text("merchantSeesTier")).isEqualTo("GOLD");
        assertThat(result.text("merchantSeesFields").split(","))
                .containsExactlyInAnyOrder("memberId", "tier", "phoneMasked", "pointsAvailable");
        assertThat(result.text("membershipStatus")).isEqualTo("ACTIVE");
        assertThat(result.number("membershipPriceFen"))
                .as("GOLD's price of the demo plan")
                .isEqualTo(1200);
        assertThat(result.number("freeDeliveriesLeft")).isEqualTo(2);
        assertThat(result.text("entitlementMembershipPlan")).isEqualTo("SUPER_DEMO");
        assertThat(result.text("earningMultiplierWithPlan"))
                .as("GOLD's 1.2 plus the plan's 0.5 (decision 0040)")
                .isEqualTo("1.7");
        assertThat(result.number("pointsAtPlanMultiplier")).isEqualTo(170);
        assertThat(result.text("membershipAfterCancel")).isEqualTo("CANCELLED");
        // issue #26: a ¥200 first dinner paid with 5,000 points and a ¥15 神券, refunded in full
        assertThat(result.number("dinnerPointsBefore"))
                .as("the ¥5,000 stay at 1 point per ¥1")
                .isEqualTo(5000);
        assertThat(result.number("dinnerPointsReturned")).isEqualTo(5000);
        assertThat(result.number("dinnerGrowthReversed")).isEqualTo(200);
        assertThat(result.number("dinnerPointsAfterRefund"))
                .as("the 5,000 back, the dinner's own points reversed")
                .isEqualTo(5000);
        assertThat(result.text("dinnerCouponBack")).isEqualTo("true");
        assertThat(result.text("dinnerRewardRevoked")).isEqualTo("true");
        assertThat(result.text("dinnerRewardStillUsable")).isEqualTo("false");
        assertThat(result.number("dinnerStatementLines"))
                .as("HOTEL owed DINE_IN the 神券 and the points; each is reversed")
                .isEqualTo(4);
        assertThat(result.number("dinnerReversalLines")).isEqualTo(2);
        assertThat(result.number("dinnerStatementNetFen")).isZero();
        assertThat(result.text("dinnerReversalsReferToTheUsageMonth")).isEqualTo("true");
        assertThat(result.number("dinnerReconciliationDifferences")).isZero();
        assertThat(result.text("dinnerLiabilityAddsUp")).isEqualTo("true");
        assertThat(result.number("dinnerLiabilityHotelReturned")).isGreaterThanOrEqualTo(5000);
        assertThat(result.text("dinnerLiabilityCsvHeader")).startsWith("period,issuingBu,openingPoints,");
        assertThat(result.text("campaignCouponGranted")).isEqualTo("true");
        assertThat(result.number("campaignBonusPoints")).isEqualTo(200);
        assertThat(result.number("campaignBonusGrowth")).isEqualTo(100);
        assertThat(result.number("campaignIssued")).isEqualTo(1);
    }
}
