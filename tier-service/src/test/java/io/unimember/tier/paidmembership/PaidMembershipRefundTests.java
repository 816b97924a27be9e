package io.unimember.tier.paidmembership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.CouponRedeemed;
import io.unimember.testsupport.TestClock;
import io.unimember.testsupport.TestHttp;
import io.unimember.tier.TierIntegrationTest;
import io.unimember.tier.TierTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Refunds by the BU that took the payment: full within 7 days if unused, else pro rata minus what was used. */
@TierIntegrationTest
class PaidMembershipRefundTests {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    TierTestSupport support;

    @Autowired
    JsonMapper mapper;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    MembershipApi api;
    String plan;
    String member;

    @BeforeEach
    void setUp() {
        api = new MembershipApi(TestHttp.toPort(port), mapper, dataSource);
        support.awaitOutboxDrained();
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        plan = api.createPlan();
        member = "m-" + UUID.randomUUID();
    }

    @AfterEach
    void releaseTime() {
        support.awaitOutboxDrained();
        clock.reset();
    }

    @Test
    void aRefundWithinSevenDaysWithNothingUsedReturnsThePriceAndEndsTheMembership() {
        String purchase = api.activate(member, plan);
        clock.advance(Duration.ofDays(6));

        var refunded = api.refund(MembershipApi.PAYING_BU, "r-" + member, purchase);
        assertThat(refunded.getStatusCode().value()).as(refunded.getBody()).isEqualTo(201);
        assertThat(api.json(refunded).get("refundFen").asLong()).isEqualTo(1800);
        assertThat(api.refund(MembershipApi.PAYING_BU, "r-" + member, purchase).getBody())
                .isEqualTo(refunded.getBody());
        assertThat(api.me(member).get("status").asString()).isEqualTo("REFUNDED");
        assertThat(api.use("FREE_DELIVERY", "u-" + member, member)
                        .getStatusCode()
                        .value())
                .isEqualTo(409);

        var events = api.events(member, "membership.refunded");
        assertThat(events).hasSize(1);
        JsonNode data = events.getFirst().get("data");
        assertThat(data.get("refundFen").asLong()).isEqualTo(1800);
        assertThat(data.get("revenue").get(0).get("amountFen").asLong()).isEqualTo(1080);
        assertThat(data.get("revenue").get(1).get("amountFen").asLong()).isEqualTo(720);
        var again = api.refund(MembershipApi.PAYING_BU, "r2-" + member, purchase);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(api.json(again).get("code").asString()).isEqualTo("PURCHASE_NOT_REFUNDABLE");
    }

    @Test
    void aRefundAfterABenefitWasUsedIsProRataByDaysLessTheUsedFaceValue() {
        String purchase = api.activate(member, plan);
        JsonNode me = api.me(member);
        Instant starts = Instant.parse(me.get("startsAt").asString());
        Instant ends = Instant.parse(me.get("endsAt").asString());
        assertThat(api.use("FREE_DELIVERY", "u-" + member, member)
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        clock.advance(Duration.ofDays(10).plusHours(1));

        var refunded = api.refund(MembershipApi.PAYING_BU, "r-" + member, purchase);

        long days = Duration.between(starts, ends).toDays(); // 28 to 31: the month the test runs in
        long expected = 1800 * (days - 11) / days - 300; // 10 days and a begun 11th used, one ¥3 delivery
        assertThat(api.json(refunded).get("refundFen").asLong()).isEqualTo(expected);
        JsonNode data = api.events(member, "membership.refunded").getFirst().get("data");
        assertThat(data.get("revenue").get(0).get("amountFen").asLong()
                        + data.get("revenue").get(1).get("amountFen").asLong())
                .isEqualTo(expected);
    }

    @Test
    void aRedeemedCouponOfThePlansPackIsABenefitUsedThatTheRefundDeducts() {
        String purchase = api.activate(member, plan);
        JsonNode me = api.me(member);
        Instant starts = Instant.parse(me.get("startsAt").asString());
        Instant ends = Instant.parse(me.get("endsAt").asString());
        String couponId = "c-" + UUID.randomUUID();
        support.send(new CouponRedeemed(
                member, couponId, "tpl-5yuan", "PLATFORM", "DINE_IN", 500, "o-" + couponId, starts.plusSeconds(3600)));
        // a coupon of a template the plan does not give is no benefit of it
        support.send(new CouponRedeemed(
                member,
                "c-" + UUID.randomUUID(),
                "tpl-other",
                "PLATFORM",
                "DINE_IN",
                900,
                "o-x",
                starts.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM membership_benefit_use WHERE member_id = ?")
                                .param(member)
                                .query(Integer.class)
                                .single()
                        == 1);
        support.send(new CouponRedeemed(
                member, couponId, "tpl-5yuan", "PLATFORM", "DINE_IN", 500, "o-" + couponId, starts.plusSeconds(3600)));
        clock.advance(Duration.ofDays(1).plusHours(1));

        var refunded = api.refund(MembershipApi.PAYING_BU, "r-" + member, purchase);

        long days = Duration.between(starts, ends).toDays();
        long expected = 1800 * (days - 2) / days - 500; // within 7 days, but a ¥5 神券 of the pack was used
        assertThat(api.json(refunded).get("refundFen").asLong()).isEqualTo(expected);
    }

    @Autowired
    MembershipJob job;

    @Test
    void aRenewalPaidAheadAndRefundedBeforeItBeginsComesBackWholeAndTheMembershipRunsToItsOldEnd() {
        String first = api.activate(member, plan);
        Instant ends = Instant.parse(api.me(member).get("endsAt").asString());
        clock.set(ends.minus(Duration.ofDays(2)));
        job.run();
        String renewal = api.me(member).get("pendingPurchase").get("purchaseId").asString();
        assertThat(api.pay(MembershipApi.PAYING_BU, "pay-r-" + member, renewal, 1800)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(Instant.parse(api.me(member).get("endsAt").asString())).isAfter(ends);
        // a use before the renewal's period begins is the first period's, whatever was paid ahead
        assertThat(api.use("FREE_DELIVERY", "u0-" + member, member)
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        assertThat(jdbc.sql("SELECT purchase_id FROM membership_benefit_use WHERE use_id = ?")
                        .param("u0-" + member)
                        .query(String.class)
                        .single())
                .isEqualTo(first);
        clock.advance(Duration.ofDays(1));

        var refunded = api.refund(MembershipApi.PAYING_BU, "r-" + member, renewal);

        assertThat(refunded.getStatusCode().value()).as(refunded.getBody()).isEqualTo(201);
        assertThat(api.json(refunded).get("refundFen").asLong()).isEqualTo(1800);
        assertThat(Instant.parse(api.json(refunded).get("endsAt").asString())).isEqualTo(ends);
        JsonNode me = api.me(member);
        assertThat(me.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(Instant.parse(me.get("endsAt").asString())).isEqualTo(ends);
        assertThat(api.use("FREE_DELIVERY", "u-" + member, member)
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        // the first period's purchase is the refundable one again, pro rata
        var firstRefund = api.refund(MembershipApi.PAYING_BU, "r1-" + member, first);
        assertThat(firstRefund.getStatusCode().value())
                .as(firstRefund.getBody())
                .isEqualTo(201);
        assertThat(api.json(firstRefund).get("refundFen").asLong())
                .isZero(); // one day left (1800 / 28..31 fen), less the two ¥3 deliveries used: nothing
        JsonNode data = api.events(member, "membership.refunded").stream()
                .filter(e -> e.get("data").get("purchaseId").asString().equals(renewal))
                .findFirst()
                .orElseThrow()
                .get("data");
        assertThat(Instant.parse(data.get("periodStart").asString())).isEqualTo(ends);
        assertThat(Instant.parse(data.get("endsAt").asString())).isEqualTo(ends);
    }

    @Test
    void onlyTheBuThatTookThePaymentRefundsIt() {
        String purchase = api.activate(member, plan);
        var other = api.refund("HOTEL", "r-" + member, purchase);
        assertThat(other.getStatusCode().value()).isEqualTo(404);
        assertThat(api.me(member).get("status").asString()).isEqualTo("ACTIVE");
    }
}
