package io.unimember.tier.paidmembership;

import static org.assertj.core.api.Assertions.assertThat;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A paid membership from purchase to its end, with a clock the test moves: buy, pay, use, renew, cancel, lapse. */
@TierIntegrationTest
class PaidMembershipLifecycleTests {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    MembershipJob job;

    @Autowired
    TierTestSupport support;

    @Autowired
    JsonMapper mapper;

    @Autowired
    DataSource dataSource;

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
    void aPurchaseIsPendingUntilThePayingBuConfirmsItThenActiveForThePeriod() {
        var bought = api.purchase(member, "p-1-" + member, plan);
        assertThat(bought.getStatusCode().value()).as(bought.getBody()).isEqualTo(201);
        JsonNode receipt = api.json(bought);
        assertThat(receipt.get("status").asString()).isEqualTo("PENDING");
        assertThat(receipt.get("priceFen").asLong()).isEqualTo(1800);
        assertThat(api.purchase(member, "p-1-" + member, plan).getBody()).isEqualTo(bought.getBody());
        assertThat(api.me(member).get("status").asString()).isEqualTo("NONE");

        var paid = api.pay(MembershipApi.PAYING_BU, "pay-" + member, "p-1-" + member, 1800);
        assertThat(paid.getStatusCode().value()).as(paid.getBody()).isEqualTo(200);
        JsonNode me = api.me(member);
        assertThat(me.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(me.get("planCode").asString()).isEqualTo(plan);
        assertThat(me.get("autoRenew").asBoolean()).isTrue();
        Instant starts = Instant.parse(me.get("startsAt").asString());
        Instant ends = Instant.parse(me.get("endsAt").asString());
        assertThat(starts).isEqualTo(clock.instant());
        assertThat(ends)
                .isEqualTo(starts.atZone(java.time.ZoneId.of("Asia/Shanghai"))
                        .plusMonths(1)
                        .toInstant());
        assertThat(me.get("counted").get(0).get("benefit").asString()).isEqualTo("FREE_DELIVERY");
        assertThat(me.get("counted").get(0).get("remaining").asInt()).isEqualTo(3);

        var activated = api.events(member, "membership.activated");
        assertThat(activated).hasSize(1);
        JsonNode terms = activated.getFirst().get("data").get("terms");
        assertThat(terms.get("multiplierBp").asInt()).isEqualTo(15000);
        assertThat(terms.get("revenue").get(0).get("amountFen").asLong()).isEqualTo(1080);
        assertThat(terms.get("revenue").get(1).get("bu").asString()).isEqualTo("PLATFORM");
        assertThat(terms.get("revenue").get(1).get("amountFen").asLong()).isEqualTo(720);
    }

    @Test
    void aWrongAmountOrAnUnknownPurchaseIsRefusedAndChangesNothing() {
        api.purchase(member, "p-" + member, plan);
        var wrong = api.pay(MembershipApi.PAYING_BU, "pay-" + member, "p-" + member, 1);
        assertThat(wrong.getStatusCode().value()).isEqualTo(409);
        assertThat(api.json(wrong).get("code").asString()).isEqualTo("PAYMENT_AMOUNT_MISMATCH");
        var unknown = api.pay(MembershipApi.PAYING_BU, "pay-x-" + member, "no-such-" + member, 1800);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(api.me(member).get("status").asString()).isEqualTo("NONE");
        // the payment id the refused call used is still free
        assertThat(api.pay(MembershipApi.PAYING_BU, "pay-" + member, "p-" + member, 1800)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    @Test
    void countedBenefitsAreUsedUpWithinAMonthAndComeBackTheNext() {
        api.activate(member, plan);
        Instant ends = Instant.parse(api.me(member).get("endsAt").asString());
        for (int i = 1; i <= 3; i++) {
            var used = api.use("FREE_DELIVERY", "u-" + i + "-" + member, member);
            assertThat(used.getStatusCode().value()).as(used.getBody()).isEqualTo(201);
            assertThat(api.json(used).get("remaining").asInt()).isEqualTo(3 - i);
        }
        var replay = api.use("FREE_DELIVERY", "u-1-" + member, member);
        assertThat(api.json(replay).get("remaining").asInt()).isEqualTo(2);
        var exhausted = api.use("FREE_DELIVERY", "u-4-" + member, member);
        assertThat(exhausted.getStatusCode().value()).isEqualTo(409);
        assertThat(api.json(exhausted).get("code").asString()).isEqualTo("BENEFIT_EXHAUSTED");
        var notInPlan = api.use("CAR_WASH", "u-5-" + member, member);
        assertThat(notInPlan.getStatusCode().value()).isEqualTo(404);

        clock.set(ends.minusSeconds(60)); // the next calendar month, the membership still active
        assertThat(api.me(member).get("counted").get(0).get("remaining").asInt())
                .isEqualTo(3);
        assertThat(api.use("FREE_DELIVERY", "u-6-" + member, member)
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
    }

    @Test
    void aRenewalOpensBeforeTheEndAndOnceThePayingBuConfirmsItTheNextPeriodFollowsOn() {
        api.activate(member, plan);
        Instant ends = Instant.parse(api.me(member).get("endsAt").asString());

        clock.set(ends.minus(Duration.ofDays(2)));
        job.run();
        job.run();
        JsonNode pending = api.me(member).get("pendingPurchase");
        assertThat(pending.get("kind").asString()).isEqualTo("RENEWAL");
        assertThat(pending.get("priceFen").asLong()).isEqualTo(1800);

        var paid = api.pay(
                MembershipApi.PAYING_BU,
                "pay-r-" + member,
                pending.get("purchaseId").asString(),
                1800);
        assertThat(paid.getStatusCode().value()).as(paid.getBody()).isEqualTo(200);
        JsonNode me = api.me(member);
        Instant next =
                ends.atZone(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(1).toInstant();
        assertThat(Instant.parse(me.get("endsAt").asString())).isEqualTo(next);
        assertThat(me.get("pendingPurchase").isNull()).isTrue();
        assertThat(api.events(member, "membership.renewed")).hasSize(1);
        assertThat(api.events(member, "membership.activated")).hasSize(1);
    }

    @Test
    void aQuarterPlansRenewalOpensThreeDaysAheadAndRunsThreeMoreMonthsFromTheEnd() {
        String quarter = api.createPlan("QUARTER", 4800);
        api.activate(member, quarter);
        Instant ends = Instant.parse(api.me(member).get("endsAt").asString());

        clock.set(ends.minus(Duration.ofDays(3)).minusSeconds(1));
        job.run();
        assertThat(api.me(member).get("pendingPurchase").isNull()).isTrue();
        clock.set(ends.minus(Duration.ofDays(3)));
        job.run();
        JsonNode pending = api.me(member).get("pendingPurchase");
        assertThat(pending.get("kind").asString()).isEqualTo("RENEWAL");
        assertThat(pending.get("priceFen").asLong()).isEqualTo(4800);
        var paid = api.pay(
                MembershipApi.PAYING_BU,
                "pay-q-" + member,
                pending.get("purchaseId").asString(),
                4800);
        assertThat(paid.getStatusCode().value()).as(paid.getBody()).isEqualTo(200);
        assertThat(Instant.parse(api.me(member).get("endsAt").asString()))
                .isEqualTo(ends.atZone(java.time.ZoneId.of("Asia/Shanghai"))
                        .plusMonths(3)
                        .toInstant());
    }

    @Test
    void aCancelledMembershipStaysActiveToItsEndThenLapsesWithoutRenewing() {
        api.activate(member, plan);
        Instant ends = Instant.parse(api.me(member).get("endsAt").asString());

        var cancelled = api.cancel(member);
        assertThat(cancelled.getStatusCode().value()).as(cancelled.getBody()).isEqualTo(200);
        assertThat(api.json(cancelled).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(api.json(cancelled).get("autoRenew").asBoolean()).isFalse();
        assertThat(api.cancel(member).getStatusCode().value()).isEqualTo(200);

        clock.set(ends.minus(Duration.ofDays(1)));
        job.run();
        assertThat(api.me(member).get("pendingPurchase").isNull()).isTrue();
        assertThat(api.use("FREE_DELIVERY", "u-" + member, member)
                        .getStatusCode()
                        .value())
                .isEqualTo(201);

        clock.set(ends.plusSeconds(1));
        job.run();
        assertThat(api.me(member).get("status").asString()).isEqualTo("LAPSED");
        assertThat(api.use("FREE_DELIVERY", "u2-" + member, member)
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
        assertThat(api.events(member, "membership.cancelled")).hasSize(1);
        var lapsed = api.events(member, "membership.lapsed");
        assertThat(lapsed).hasSize(1);
        assertThat(lapsed.getFirst().get("data").get("reason").asString()).isEqualTo("ENDED");
        assertThat(api.cancel(member).getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void anUnpaidRenewalKeepsTheMembershipThroughTheThreeDayGraceThenLapses() {
        api.activate(member, plan);
        Instant ends = Instant.parse(api.me(member).get("endsAt").asString());
        clock.set(ends.minus(Duration.ofDays(1)));
        job.run();
        String renewal = api.me(member).get("pendingPurchase").get("purchaseId").asString();

        clock.set(ends.plus(Duration.ofDays(2)));
        job.run();
        assertThat(api.me(member).get("status").asString()).isEqualTo("GRACE");
        assertThat(api.use("FREE_DELIVERY", "u-" + member, member)
                        .getStatusCode()
                        .value())
                .isEqualTo(201);

        clock.set(ends.plus(Duration.ofDays(3)).plusSeconds(1));
        job.run();
        assertThat(api.me(member).get("status").asString()).isEqualTo("LAPSED");
        var late = api.pay(MembershipApi.PAYING_BU, "pay-late-" + member, renewal, 1800);
        assertThat(late.getStatusCode().value()).isEqualTo(409);
        assertThat(api.json(late).get("code").asString()).isEqualTo("PURCHASE_NOT_PENDING");
        var lapsed = api.events(member, "membership.lapsed");
        assertThat(lapsed).hasSize(1);
        assertThat(lapsed.getFirst().get("data").get("reason").asString()).isEqualTo("RENEWAL_UNPAID");

        // and the member may buy again: a new membership from now
        api.activate(member, plan);
        assertThat(api.me(member).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(api.events(member, "membership.activated")).hasSize(2);
    }
}
