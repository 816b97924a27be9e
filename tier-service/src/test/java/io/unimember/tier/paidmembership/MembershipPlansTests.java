package io.unimember.tier.paidmembership;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.OrderCompleted;
import io.unimember.testsupport.TestHttp;
import io.unimember.testsupport.TestTokens;
import io.unimember.tier.TierIntegrationTest;
import io.unimember.tier.membership.Memberships;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plans: admins write them, anyone with a token reads them, a bad plan is a 400 naming the field. */
@TierIntegrationTest
class MembershipPlansTests {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper mapper;

    @Autowired
    DataSource dataSource;

    @Autowired
    Memberships memberships;

    TestHttp http;
    MembershipApi api;

    @BeforeEach
    void setUp() {
        http = TestHttp.toPort(port);
        api = new MembershipApi(http, mapper, dataSource);
    }

    @Test
    void anAdminCreatesAndChangesAPlanAndAnyTokenReadsIt() {
        String code = api.createPlan();
        assertThat(http.post("/api/v1/admin/membership-plans", TestTokens.admin(), MembershipApi.planJson(code))
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
        var changed = http.put(
                "/api/v1/admin/membership-plans/" + code,
                TestTokens.admin(),
                MembershipApi.planJson(code).replace("\"priceFen\":1800", "\"priceFen\":2000"));
        assertThat(changed.getStatusCode().value()).as(changed.getBody()).isEqualTo(200);

        JsonNode items = mapper.readTree(http.get("/api/v1/membership-plans", TestTokens.bu("HOTEL"))
                        .getBody())
                .get("items");
        JsonNode plan = null;
        for (JsonNode item : items) {
            if (item.get("code").asString().equals(code)) {
                plan = item;
            }
        }
        assertThat(plan).isNotNull();
        assertThat(plan.get("priceFen").asLong()).isEqualTo(2000);
        assertThat(plan.get("benefits")).hasSize(4);
        assertThat(plan.get("revenueSplit").get(0).get("basisPoints").asInt()).isEqualTo(6000);
    }

    @Test
    void aGoldMemberPaysTheDiscountPriceAndARegularOneThePlansPrice() {
        String code = api.createPlan();
        String regular = "m-" + UUID.randomUUID();
        String gold = "m-" + UUID.randomUUID();
        memberships.applyOrder(new OrderCompleted(
                gold, "ENTERTAINMENT", "o-" + UUID.randomUUID(), 250_000, null, Instant.now(), 2500));

        assertThat(api.json(api.purchase(regular, "p-" + regular, code))
                        .get("priceFen")
                        .asLong())
                .isEqualTo(1800);
        assertThat(api.json(api.purchase(gold, "p-" + gold, code))
                        .get("priceFen")
                        .asLong())
                .isEqualTo(1200);
        var fullPrice = api.pay(MembershipApi.PAYING_BU, "pay-" + gold, "p-" + gold, 1800);
        assertThat(fullPrice.getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void aMemberBelowTheTierWithGrowthAtTheThresholdPaysTheGrowthPrice() {
        String code = "SUPER_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var created = http.post(
                "/api/v1/admin/membership-plans",
                TestTokens.admin(),
                MembershipApi.planJson(code)
                        .replace(
                                "\"discounts\":[{\"minTier\":\"GOLD\",\"priceFen\":1200}]",
                                "\"discounts\":[{\"minTier\":\"GOLD\",\"priceFen\":1200},"
                                        + "{\"minGrowth\":1000,\"priceFen\":1500}]"));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        String grown = "m-" + UUID.randomUUID();
        String short_ = "m-" + UUID.randomUUID();
        String gold = "m-" + UUID.randomUUID();
        // ENTERTAINMENT earns a growth point a yuan: ¥1000 is growth 1000, still SILVER (GOLD is 2000)
        order(grown, 100_000);
        order(short_, 99_900);
        order(gold, 250_000);

        assertThat(price(grown, code)).isEqualTo(1500);
        assertThat(price(short_, code)).isEqualTo(1800);
        assertThat(price(gold, code)).isEqualTo(1200);
        var paid = api.pay(MembershipApi.PAYING_BU, "pay-" + grown, "p-" + grown, 1500);
        assertThat(paid.getStatusCode().value()).as(paid.getBody()).isEqualTo(200);
        assertThat(api.events(grown, "membership.activated")
                        .getFirst()
                        .get("data")
                        .get("terms")
                        .get("amountFen")
                        .asLong())
                .isEqualTo(1500);
    }

    @Test
    void aQuarterPlanRunsThreeCalendarMonthsAndAYearPlanTwelve() {
        String quarter = api.createPlan("QUARTER", 4800);
        String year = api.createPlan("YEAR", 16_800);
        String q = "m-" + UUID.randomUUID();
        String y = "m-" + UUID.randomUUID();
        api.activate(q, quarter);
        api.activate(y, year);

        JsonNode qm = api.me(q);
        JsonNode ym = api.me(y);
        java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
        Instant qStart = Instant.parse(qm.get("startsAt").asString());
        Instant yStart = Instant.parse(ym.get("startsAt").asString());
        assertThat(Instant.parse(qm.get("endsAt").asString()))
                .isEqualTo(qStart.atZone(shanghai).plusMonths(3).toInstant());
        assertThat(Instant.parse(ym.get("endsAt").asString()))
                .isEqualTo(yStart.atZone(shanghai).plusMonths(12).toInstant());
        JsonNode terms =
                api.events(y, "membership.activated").getFirst().get("data").get("terms");
        assertThat(terms.get("amountFen").asLong()).isEqualTo(16_800);
        assertThat(terms.get("revenue").get(0).get("amountFen").asLong()).isEqualTo(10_080);
    }

    private void order(String member, long amountFen) {
        memberships.applyOrder(new OrderCompleted(
                member, "ENTERTAINMENT", "o-" + UUID.randomUUID(), amountFen, null, Instant.now(), amountFen / 100));
    }

    private long price(String member, String plan) {
        var bought = api.purchase(member, "p-" + member, plan);
        assertThat(bought.getStatusCode().value()).as(bought.getBody()).isEqualTo(201);
        return api.json(bought).get("priceFen").asLong();
    }

    @Test
    void onlyAnAdminWritesPlans() {
        String body = MembershipApi.planJson(
                "SUPER_X" + UUID.randomUUID().toString().substring(0, 6).toUpperCase());
        assertThat(http.post("/api/v1/admin/membership-plans", TestTokens.bu("HOTEL"), body)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(http.post("/api/v1/admin/membership-plans", TestTokens.member("m-1"), body)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(http.get("/api/v1/membership-plans", null).getStatusCode().value())
                .isEqualTo(401);
    }

    @Test
    void aPlanWhoseSplitDoesNotCoverThePriceOrWhoseBenefitLacksItsFieldsIsRefusedByField() {
        String code = "SUPER_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String bad = MembershipApi.planJson(code)
                .replace("\"basisPoints\":4000", "\"basisPoints\":3000")
                .replace("\"perMonth\":3,", "");
        var refused = http.post("/api/v1/admin/membership-plans", TestTokens.admin(), bad);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        JsonNode problem = mapper.readTree(refused.getBody());
        assertThat(problem.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.get("errors").toString()).contains("revenueSplit").contains("benefits[2].perMonth");

        var negative = http.post(
                "/api/v1/admin/membership-plans",
                TestTokens.admin(),
                MembershipApi.planJson(code).replace("\"priceFen\":1800", "\"priceFen\":-5"));
        assertThat(negative.getStatusCode().value()).isEqualTo(400);
        assertThat(http.get("/api/v1/membership-plans", TestTokens.admin()).getBody())
                .doesNotContain(code);
    }

    @Test
    void absurdOrMalformedBuInputIsA400ThatChangesNothing() {
        String bu = TestTokens.bu("FOOD_DELIVERY");
        for (String body : List.of(
                "{\"paymentId\":\"p1\",\"purchaseId\":\"x\",\"amountFen\":-1}",
                "{\"paymentId\":\"p1\",\"purchaseId\":\"x\",\"amountFen\":1000000000000}",
                "{\"paymentId\":\"" + "a".repeat(65) + "\",\"purchaseId\":\"x\",\"amountFen\":1}",
                "{\"paymentId\":\"p1\",",
                "{\"purchaseId\":\"x\",\"amountFen\":1}")) {
            var refused = http.post("/api/v1/bu/memberships/payments", bu, body);
            assertThat(refused.getStatusCode().value()).as(body).isEqualTo(400);
            assertThat(refused.getHeaders().getContentType().toString()).contains("problem+json");
        }
        var badBenefit = http.post(
                "/api/v1/bu/memberships/counted/free-delivery!/uses", bu, "{\"useId\":\"u\",\"memberId\":\"m\"}");
        assertThat(badBenefit.getStatusCode().value()).isEqualTo(400);
        var noScope = http.post(
                "/api/v1/bu/memberships/payments",
                TestTokens.builder()
                        .subject("bu-x")
                        .claim("bu", "HOTEL")
                        .scope("bu:members")
                        .build(),
                "{\"paymentId\":\"p1\",\"purchaseId\":\"x\",\"amountFen\":1}");
        assertThat(noScope.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void aMemberOnlyBuysAPlanThatExistsWithAValidPurchaseId() {
        String member = "m-" + UUID.randomUUID();
        var unknown = api.purchase(member, "p-" + member, "NO_SUCH_PLAN");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(mapper.readTree(unknown.getBody()).get("code").asString()).isEqualTo("PLAN_NOT_FOUND");
        assertThat(api.purchase(member, "bad id with spaces", "NO_SUCH_PLAN")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        var byBu = http.post(
                "/api/v1/memberships/purchases", TestTokens.bu("HOTEL"), "{\"purchaseId\":\"x\",\"planCode\":\"AB\"}");
        assertThat(byBu.getStatusCode().value()).isEqualTo(403);
    }
}
