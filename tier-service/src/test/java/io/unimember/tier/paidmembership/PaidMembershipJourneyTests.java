package io.unimember.tier.paidmembership;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.Topics;
import io.unimember.testsupport.TestClock;
import io.unimember.testsupport.TestHttp;
import io.unimember.testsupport.TestKafka;
import io.unimember.testsupport.TestOutbox;
import io.unimember.tier.TierIntegrationTest;
import io.unimember.tier.TierTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One member's paid membership through every step of issue #28 in order, on a clock the test moves: buy, pay, use the
 * month's counted benefits, the next month's fresh allowance, the renewal opened and paid, a use in the renewed
 * period, its pro-rata refund (split for settlement to reverse), buying again and cancelling to a lapse at the end,
 * buying again and leaving the renewal unpaid to a lapse after the grace. What coupon-service and settlement-service
 * make of these events is their tests' ({@code MembershipPacksTests}, {@code MembershipRevenueTests}).
 */
@TierIntegrationTest
class PaidMembershipJourneyTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

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
        // the 10th of this month, 10:00 in Shanghai: the next calendar month begins well inside the first period
        clock.set(
                YearMonth.now(SHANGHAI).atDay(10).atTime(10, 0).atZone(SHANGHAI).toInstant());
        plan = api.createPlan();
        member = "m-" + UUID.randomUUID();
    }

    @AfterEach
    void releaseTime() {
        support.awaitOutboxDrained();
        clock.reset();
    }

    @Test
    void buyPayUseRenewRefundBuyCancelLapseBuyAndLapseUnpaid() {
        Instant t0 = clock.instant();

        // buy: PENDING until the paying BU confirms; the same purchase sent again is the same answer
        var bought = api.purchase(member, "p1-" + member, plan);
        assertThat(bought.getStatusCode().value()).as(bought.getBody()).isEqualTo(201);
        assertThat(api.json(bought).get("status").asString()).isEqualTo("PENDING");
        assertThat(api.purchase(member, "p1-" + member, plan).getBody()).isEqualTo(bought.getBody());
        assertThat(api.me(member).get("status").asString()).isEqualTo("NONE");

        // pay: ACTIVE for a month from now, renewing by default
        assertThat(api.pay(MembershipApi.PAYING_BU, "pay1-" + member, "p1-" + member, 1800)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        JsonNode me = api.me(member);
        assertThat(me.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(me.get("autoRenew").asBoolean()).isTrue();
        Instant ends1 = t0.atZone(SHANGHAI).plusMonths(1).toInstant();
        assertThat(Instant.parse(me.get("endsAt").asString())).isEqualTo(ends1);

        // this month's counted benefits, used up
        for (int i = 1; i <= 3; i++) {
            assertThat(use("u1-" + i)).isEqualTo(201);
        }
        assertThat(use("u1-4")).isEqualTo(409);

        // the next calendar month: the allowance is whole again
        clock.set(YearMonth.from(t0.atZone(SHANGHAI))
                .plusMonths(1)
                .atDay(1)
                .atTime(10, 0)
                .atZone(SHANGHAI)
                .toInstant());
        assertThat(remaining()).isEqualTo(3);
        assertThat(use("u2-1")).isEqualTo(201);

        // renew: the job opens the renewal purchase ahead of the end, the paying BU confirms it
        clock.set(ends1.minus(Duration.ofDays(2)));
        job.run();
        JsonNode renewal = api.me(member).get("pendingPurchase");
        assertThat(renewal.get("kind").asString()).isEqualTo("RENEWAL");
        String p2 = renewal.get("purchaseId").asString();
        assertThat(api.pay(MembershipApi.PAYING_BU, "pay2-" + member, p2, 1800)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        Instant ends2 = ends1.atZone(SHANGHAI).plusMonths(1).toInstant();
        assertThat(Instant.parse(api.me(member).get("endsAt").asString())).isEqualTo(ends2);

        // a use in the renewed period, then its refund 10 days and an hour in: pro rata by days less the use
        clock.set(ends1.plus(Duration.ofDays(1)));
        assertThat(use("u3-1")).isEqualTo(201);
        clock.set(ends1.plus(Duration.ofDays(10).plusHours(1)));
        var notLatest = api.refund(MembershipApi.PAYING_BU, "r1-" + member, "p1-" + member);
        assertThat(api.json(notLatest).get("code").asString()).isEqualTo("PURCHASE_NOT_REFUNDABLE");
        var refunded = api.refund(MembershipApi.PAYING_BU, "r2-" + member, p2);
        assertThat(refunded.getStatusCode().value()).as(refunded.getBody()).isEqualTo(201);
        long days = Duration.between(ends1, ends2).toDays();
        long expected = 1800 * (days - 11) / days - 300;
        assertThat(api.json(refunded).get("refundFen").asLong()).isEqualTo(expected);
        assertThat(api.me(member).get("status").asString()).isEqualTo("REFUNDED");
        assertThat(use("u3-2")).isEqualTo(409);

        // buy again, cancel: active to the end, no renewal opened, then lapsed (ENDED)
        Instant t3 = clock.instant();
        String p3 = api.activate(member, plan);
        Instant ends3 = t3.atZone(SHANGHAI).plusMonths(1).toInstant();
        // this month's allowance, less the first period's use: the refunded renewal's use no longer counts
        assertThat(remaining()).isEqualTo(2);
        assertThat(api.json(api.cancel(member)).get("status").asString()).isEqualTo("CANCELLED");
        clock.set(ends3.minus(Duration.ofDays(1)));
        job.run();
        assertThat(api.me(member).get("pendingPurchase").isNull()).isTrue();
        assertThat(api.me(member).get("status").asString()).isEqualTo("CANCELLED");
        clock.set(ends3.plusSeconds(1));
        job.run();
        assertThat(api.me(member).get("status").asString()).isEqualTo("LAPSED");

        // buy again, leave the renewal unpaid: GRACE for 3 days, then lapsed (RENEWAL_UNPAID)
        Instant t4 = clock.instant();
        api.activate(member, plan);
        Instant ends4 = t4.atZone(SHANGHAI).plusMonths(1).toInstant();
        clock.set(ends4.minus(Duration.ofDays(1)));
        job.run();
        String unpaid = api.me(member).get("pendingPurchase").get("purchaseId").asString();
        clock.set(ends4.plus(Duration.ofDays(3)).minusSeconds(1));
        job.run();
        assertThat(api.me(member).get("status").asString()).isEqualTo("GRACE");
        clock.set(ends4.plus(Duration.ofDays(3)));
        job.run();
        assertThat(api.me(member).get("status").asString()).isEqualTo("LAPSED");
        assertThat(api.pay(MembershipApi.PAYING_BU, "pay-late-" + member, unpaid, 1800)
                        .getStatusCode()
                        .value())
                .isEqualTo(409);

        // the events, in the §8 envelope, one member's versions rising
        List<JsonNode> events = events();
        assertThat(events.stream()
                        .map(e -> e.get("type").asString())
                        .filter(t -> !t.equals("membership.benefit-used"))
                        .toList())
                .containsExactly(
                        "membership.activated",
                        "membership.renewed",
                        "membership.refunded",
                        "membership.activated",
                        "membership.cancelled",
                        "membership.lapsed",
                        "membership.activated",
                        "membership.lapsed");
        for (JsonNode e : events) {
            assertThat(UUID.fromString(e.get("eventId").asString()).version()).isEqualTo(7);
            assertThat(e.get("memberId").asString()).isEqualTo(member);
            assertThat(e.get("source").asString()).isEqualTo("tier-service");
            assertThat(e.get("version").asInt()).isEqualTo(1);
            assertThat(e.get("data").get("memberId").asString()).isEqualTo(member);
            assertThat(Instant.parse(e.get("occurredAt").asString())).isBetween(t0, ends4.plus(Duration.ofDays(3)));
        }
        List<Long> versions =
                events.stream().map(e -> e.get("data").get("version").asLong()).toList();
        assertThat(versions).isSorted().doesNotHaveDuplicates();

        JsonNode activated = first(events, "membership.activated").get("data").get("terms");
        assertThat(activated.get("multiplierBp").asInt()).isEqualTo(15000);
        assertThat(activated.get("coupons").toString())
                .contains("\"templateId\":\"tpl-5yuan\",\"count\":4")
                .contains("\"templateId\":\"tpl-video\",\"count\":1,\"fundingBu\":\"ENTERTAINMENT\"");
        // the activation after the refund tells the view what this month has used already (the first period's use)
        JsonNode again = events.stream()
                .filter(e -> e.get("type").asString().equals("membership.activated"))
                .toList()
                .get(1)
                .get("data")
                .get("terms");
        assertThat(again.get("counted").get(0).get("used").asInt()).isEqualTo(1);
        assertThat(again.get("counted").get(0).get("perMonth").asInt()).isEqualTo(3);
        JsonNode renewed = first(events, "membership.renewed").get("data").get("terms");
        assertThat(Instant.parse(renewed.get("startsAt").asString())).isEqualTo(ends1);
        assertThat(renewed.get("revenue").toString())
                .isEqualTo("[{\"bu\":\"FOOD_DELIVERY\",\"amountFen\":1080},{\"bu\":\"PLATFORM\",\"amountFen\":720}]");
        JsonNode refund = first(events, "membership.refunded").get("data");
        assertThat(refund.get("purchaseId").asString()).isEqualTo(p2);
        assertThat(refund.get("refundFen").asLong()).isEqualTo(expected);
        assertThat(Instant.parse(refund.get("periodStart").asString())).isEqualTo(ends1);
        long platformShare = expected * 4000 / 10_000;
        assertThat(refund.get("revenue").toString())
                .isEqualTo("[{\"bu\":\"FOOD_DELIVERY\",\"amountFen\":%d},{\"bu\":\"PLATFORM\",\"amountFen\":%d}]"
                        .formatted(expected - platformShare, platformShare));
        List<String> lapses = events.stream()
                .filter(e -> e.get("type").asString().equals("membership.lapsed"))
                .map(e -> e.get("data").get("reason").asString())
                .toList();
        assertThat(lapses).containsExactly("ENDED", "RENEWAL_UNPAID");
        assertThat(p3).isNotBlank();
    }

    private int use(String useId) {
        return api.use("FREE_DELIVERY", useId + "-" + member, member)
                .getStatusCode()
                .value();
    }

    private int remaining() {
        return api.me(member).get("counted").get(0).get("remaining").asInt();
    }

    private List<JsonNode> events() {
        TestOutbox.awaitSent(dataSource, member);
        List<JsonNode> events =
                new ArrayList<>(TestKafka.recordsUpToNow(Topics.MEMBERSHIP, v -> v.contains(member)).stream()
                        .map(r -> mapper.readTree(r.value()))
                        .toList());
        events.sort(Comparator.comparingLong(e -> e.get("data").get("version").asLong()));
        return events;
    }

    private static JsonNode first(List<JsonNode> events, String type) {
        return events.stream()
                .filter(e -> e.get("type").asString().equals(type))
                .findFirst()
                .orElseThrow();
    }
}
