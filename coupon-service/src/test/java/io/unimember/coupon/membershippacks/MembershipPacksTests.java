package io.unimember.coupon.membershippacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.DomainEvent;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.MembershipActivated;
import io.unimember.common.events.MembershipLapsed;
import io.unimember.common.events.MembershipRefunded;
import io.unimember.common.events.MembershipTerms;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.coupon.Api;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestKafka;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A paid membership's monthly packs and partner benefit: on activation, then each month it runs, each month once. */
@IntegrationTest
class MembershipPacksTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    EventCodec codec;

    @Autowired
    MonthlyPacks monthly;

    Api api;
    String pack;
    String partner;

    @BeforeEach
    void setUp() {
        api = new Api(port, json);
        pack = api.template(Api.fixedTemplate(500, 10_000, 100, 5_000_000));
        Map<String, Object> video = Api.fixedTemplate(1500, 10_000, 100, 15_000_000);
        video.put("fundingBu", "ENTERTAINMENT");
        partner = api.template(video);
    }

    @Test
    void activationIssuesThisMonthsPackOnceHoweverOftenTheEventComes() {
        String member = Api.member();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String event = envelope(activated(member, now.plus(Duration.ofDays(30)), 1));

        deliver(member, event);
        deliver(member, event);
        await().atMost(Duration.ofSeconds(60)).until(() -> coupons(member, pack) == 3 && coupons(member, partner) == 1);
        monthly.run();
        assertThat(coupons(member, pack)).isEqualTo(3);
        assertThat(coupons(member, partner)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT DISTINCT channel FROM coupon WHERE member_id = ?")
                        .param(member)
                        .query(String.class)
                        .list())
                .containsExactly("MEMBERSHIP");
    }

    @Test
    void eachLaterMonthOfTheMembershipBringsItsPackOnceAndALapsedOneNone() {
        String member = Api.member();
        String lapsing = Api.member();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        deliver(member, envelope(activated(member, now.plus(Duration.ofDays(70)), 1)));
        deliver(lapsing, envelope(activated(lapsing, now.plus(Duration.ofDays(70)), 1)));
        deliver(lapsing, envelope(new MembershipLapsed(lapsing, "SUPER", now.plusSeconds(1), "RENEWAL_UNPAID", 2)));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> coupons(member, pack) == 3
                        && coupons(lapsing, pack) == 3
                        && jdbc.sql("SELECT version FROM membership_pack WHERE member_id = ?")
                                        .param(lapsing)
                                        .query(Long.class)
                                        .single()
                                == 2);

        Instant nextMonth = now.plus(Duration.ofDays(35));
        monthly.run(nextMonth);
        monthly.run(nextMonth);

        assertThat(coupons(member, pack)).isEqualTo(6);
        assertThat(coupons(member, partner)).isEqualTo(2);
        assertThat(coupons(lapsing, pack)).isEqualTo(3);
    }

    @Test
    void aPartnerBenefitIsFundedByThePartnerAndSettlesAsAnyCouponWhenRedeemedElsewhere() {
        String member = Api.member();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        deliver(member, envelope(activated(member, now.plus(Duration.ofDays(30)), 1)));
        await().atMost(Duration.ofSeconds(60)).until(() -> coupons(member, partner) == 1);
        String video = couponIds(member, partner).getFirst();

        String lockId = "lock-" + UUID.randomUUID();
        var locked = api.post(
                "/api/v1/bu/coupons/" + video + "/locks",
                TestTokens.bu("FOOD_DELIVERY"),
                Map.of("lockId", lockId, "orderRef", "o-" + lockId, "amountFen", 5_000));
        assertThat(locked.status()).as(locked.raw()).isEqualTo(201);
        var redeemed =
                api.post("/api/v1/bu/coupons/locks/" + lockId + "/redeem", TestTokens.bu("FOOD_DELIVERY"), Map.of());
        assertThat(redeemed.status()).as(redeemed.raw()).isEqualTo(200);

        // the same coupon.redeemed any 神券 sends: settlement has the funder owe the BU that gave the discount
        JsonNode data = couponEvents(video, "coupon.redeemed").getFirst().path("data");
        assertThat(data.path("fundingBu").asString()).isEqualTo("ENTERTAINMENT");
        assertThat(data.path("redeemingBu").asString()).isEqualTo("FOOD_DELIVERY");
        assertThat(data.path("discountFen").asLong()).isEqualTo(1500);
    }

    @Test
    void aPartnerBenefitWhoseTemplateAnotherBuFundsIsNotIssuedAndTheRestOfThePackIs() {
        String member = Api.member();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        deliver(
                member,
                envelope(activated(
                        member,
                        now.plus(Duration.ofDays(30)),
                        1,
                        List.of(
                                new MembershipTerms.CouponPack(pack, 3),
                                new MembershipTerms.CouponPack(partner, 1, "HOTEL")))));

        await().atMost(Duration.ofSeconds(60)).until(() -> coupons(member, pack) == 3);
        assertThat(coupons(member, partner)).isZero();
        assertThat(jdbc.sql("SELECT outcome FROM membership_pack_issue WHERE member_id = ?")
                        .param(member)
                        .query(String.class)
                        .single())
                .isEqualTo("FUNDER_MISMATCH");
    }

    @Test
    void aRefundTakesBackTheUnusedCouponsOfTheRefundedPeriodOnceAndKeepsTheUsedOnes() {
        String member = Api.member();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // a coupon of the same template the member claimed: not the membership's to take back
        String claimed = api.claim(member, pack).text("couponId");
        deliver(member, envelope(activated(member, now.plus(Duration.ofDays(30)), 1)));
        await().atMost(Duration.ofSeconds(60)).until(() -> coupons(member, pack) == 4 && coupons(member, partner) == 1);
        List<String> issued = couponIds(member, pack).stream()
                .filter(id -> !id.equals(claimed))
                .toList();
        String used = issued.get(0);
        // one as if issued in an earlier paid period, which the refund does not give back
        String earlier = issued.get(1);
        jdbc.sql("UPDATE coupon SET issued_at = ? WHERE id = ?")
                .params(io.unimember.coupon.support.Times.ts(now.minus(Duration.ofDays(40))), earlier)
                .update();
        String lockId = "lock-" + UUID.randomUUID();
        assertThat(api.post(
                                "/api/v1/bu/coupons/" + used + "/locks",
                                TestTokens.bu("DINE_IN"),
                                Map.of("lockId", lockId, "orderRef", "o-" + lockId, "amountFen", 5_000))
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/bu/coupons/locks/" + lockId + "/redeem", TestTokens.bu("DINE_IN"), Map.of())
                        .status())
                .isEqualTo(200);

        String refund = envelope(new MembershipRefunded(
                member,
                "SUPER",
                "p-" + member,
                "r-" + member,
                "FOOD_DELIVERY",
                1000,
                List.of(new MembershipTerms.RevenueShare("FOOD_DELIVERY", 1000)),
                now.plusSeconds(60),
                2,
                now.minusSeconds(1)));
        deliver(member, refund);
        deliver(member, refund);

        await().atMost(Duration.ofSeconds(60)).until(() -> statuses(member).getOrDefault("REVOKED", 0) == 2);
        assertThat(statuses(member))
                .containsEntry("REDEEMED", 1)
                .containsEntry("REVOKED", 2)
                .containsEntry("AVAILABLE", 2);
        assertThat(status(claimed)).isEqualTo("AVAILABLE");
        assertThat(status(earlier)).isEqualTo("AVAILABLE");
        assertThat(couponIds(member, partner)).allMatch(id -> status(id).equals("REVOKED"));
        assertThat(status(used)).isEqualTo("REDEEMED");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestKafka.recordsUpToNow(
                                        Topics.COUPON,
                                        v -> v.contains(member)
                                                && v.contains("coupon.revoked")
                                                && v.contains("MEMBERSHIP_REFUNDED"))
                                .size()
                        == 2);
        // and no later month comes
        monthly.run(now.plus(Duration.ofDays(35)));
        assertThat(coupons(member, pack)).isEqualTo(4);
    }

    @Test
    void aPurchaseAfterARefundInTheSameMonthIsIssuedTheMonthAgainAndOnlyOnce() {
        String member = Api.member();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        deliver(member, envelope(activated(member, now.plus(Duration.ofDays(30)), 1)));
        await().atMost(Duration.ofSeconds(60)).until(() -> coupons(member, pack) == 3);
        deliver(
                member,
                envelope(new MembershipRefunded(
                        member,
                        "SUPER",
                        "p-" + member,
                        "r-" + member,
                        "FOOD_DELIVERY",
                        1800,
                        List.of(new MembershipTerms.RevenueShare("FOOD_DELIVERY", 1800)),
                        now.plusSeconds(30),
                        2,
                        now.minusSeconds(1))));
        await().atMost(Duration.ofSeconds(60)).until(() -> statuses(member).getOrDefault("REVOKED", 0) == 4);

        // bought again this month: a new purchase, whose month is its own
        var again = activated(member, now.plus(Duration.ofDays(31)), 3);
        var terms = again.terms();
        String event = envelope(new MembershipActivated(
                member,
                new MembershipTerms(
                        terms.planCode(),
                        terms.planName(),
                        "p2-" + member,
                        "pay2-" + member,
                        terms.payingBu(),
                        terms.amountFen(),
                        terms.startsAt(),
                        terms.endsAt(),
                        terms.multiplierBp(),
                        terms.counted(),
                        terms.coupons(),
                        terms.revenue()),
                3));
        deliver(member, event);
        deliver(member, event);
        await().atMost(Duration.ofSeconds(60)).until(() -> statuses(member).getOrDefault("AVAILABLE", 0) == 4);
        monthly.run();
        assertThat(statuses(member)).containsEntry("AVAILABLE", 4).containsEntry("REVOKED", 4);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM coupon WHERE member_id = ? AND source_ref LIKE ?")
                        .params(member, "membership:p2-" + member + ":%")
                        .query(Integer.class)
                        .single())
                .isEqualTo(4);
    }

    private MembershipActivated activated(String member, Instant endsAt, long version) {
        return activated(
                member,
                endsAt,
                version,
                List.of(
                        new MembershipTerms.CouponPack(pack, 3),
                        new MembershipTerms.CouponPack(partner, 1, "ENTERTAINMENT")));
    }

    private MembershipActivated activated(
            String member, Instant endsAt, long version, List<MembershipTerms.CouponPack> coupons) {
        var terms = new MembershipTerms(
                "SUPER",
                "神会员",
                "p-" + member,
                "pay-" + member,
                "FOOD_DELIVERY",
                1800,
                Instant.now(),
                endsAt,
                15000,
                List.of(new MembershipTerms.Counted("FREE_DELIVERY", 3)),
                coupons,
                List.of(new MembershipTerms.RevenueShare("FOOD_DELIVERY", 1800)));
        return new MembershipActivated(member, terms, version);
    }

    private String envelope(DomainEvent event) {
        return codec.toJson(EventEnvelope.wrap(event, "test", Instant.now(), json));
    }

    private void deliver(String member, String event) {
        TestKafka.send(Topics.MEMBERSHIP, member, event);
    }

    private int coupons(String member, String template) {
        return jdbc.sql("SELECT COUNT(*) FROM coupon WHERE member_id = ? AND template_id = ?")
                .params(member, template)
                .query(Integer.class)
                .single();
    }

    private List<String> couponIds(String member, String template) {
        return jdbc.sql("SELECT id FROM coupon WHERE member_id = ? AND template_id = ? ORDER BY id")
                .params(member, template)
                .query(String.class)
                .list();
    }

    private String status(String coupon) {
        return jdbc.sql("SELECT status FROM coupon WHERE id = ?")
                .param(coupon)
                .query(String.class)
                .single();
    }

    private Map<String, Integer> statuses(String member) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("SELECT status, COUNT(*) FROM coupon WHERE member_id = ? GROUP BY status")
                .param(member)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    private List<JsonNode> couponEvents(String coupon, String type) {
        return TestKafka.records(Topics.COUPON, v -> v.contains(coupon) && v.contains(type), 1, Duration.ofSeconds(30))
                .stream()
                .map(r -> json.readTree(r.value()))
                .toList();
    }
}
