package io.unimember.tier.paidmembership;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.testsupport.TestHttp;
import io.unimember.testsupport.TestTokens;
import io.unimember.tier.TierIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input to every paid membership endpoint is a clear 4xx problem+json with a code, never a 500, and changes
 * nothing: malformed JSON, wrong types, missing or absurd fields, plans that contradict themselves, ids that do not
 * exist.
 */
@TierIntegrationTest
class MembershipBadInputTests {

    /** One request and the status (and, if given, the problem code) it must answer. */
    private record Case(HttpMethod method, String path, String token, String body, int status, String code) {}

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper mapper;

    @Autowired
    DataSource dataSource;

    TestHttp http;
    MembershipApi api;

    @BeforeEach
    void setUp() {
        http = TestHttp.toPort(port);
        api = new MembershipApi(http, mapper, dataSource);
    }

    @Test
    void badPlansAreRefusedByFieldAndNoneIsStored() {
        String code = "BAD_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String good = MembershipApi.planJson(code);
        String admin = TestTokens.admin();
        String path = "/api/v1/admin/membership-plans";
        List<Case> cases = new ArrayList<>();
        for (String body : List.of(
                "not json",
                "[]",
                "{}",
                good.replace("\"MONTH\"", "\"WEEK\""),
                good.replace("\"priceFen\":1800", "\"priceFen\":\"1800\""),
                good.replace("\"priceFen\":1800", "\"priceFen\":18.5"),
                good.replace("\"priceFen\":1800", "\"priceFen\":100000000000000000000"),
                good.replace("\"priceFen\":1800", "\"priceFen\":0"),
                good.replace("\"code\":\"" + code + "\"", "\"code\":\"lower\""),
                good.replace("\"discounts\":[", "\"discounts\":[null,"),
                good.replace(
                        "\"discounts\":[{\"minTier\":\"GOLD\",",
                        "\"discounts\":[{\"minTier\":\"GOLD\",\"minGrowth\":5,"),
                good.replace("\"discounts\":[{\"minTier\":\"GOLD\",", "\"discounts\":[{"),
                good.replace("\"minTier\":\"GOLD\"", "\"minTier\":\"NO_SUCH_TIER\""),
                good.replace("\"minTier\":\"GOLD\"", "\"minGrowth\":-1"),
                good.replace("\"minTier\":\"GOLD\",\"priceFen\":1200", "\"minTier\":\"GOLD\",\"priceFen\":1800"),
                good.replace("\"type\":\"MONTHLY_COUPONS\"", "\"type\":\"BOGUS\""),
                good.replace("\"templateId\":\"tpl-5yuan\",\"count\":4", "\"count\":4"),
                good.replace("\"count\":4", "\"count\":0"),
                good.replace("\"multiplierBp\":15000", "\"multiplierBp\":9999"),
                good.replace(
                        "{\"type\":\"POINTS_MULTIPLIER\",\"multiplierBp\":15000}",
                        "{\"type\":\"POINTS_MULTIPLIER\",\"multiplierBp\":15000},"
                                + "{\"type\":\"POINTS_MULTIPLIER\",\"multiplierBp\":12000}"),
                good.replace("\"perMonth\":3", "\"perMonth\":-3"),
                good.replace("\"faceValueFen\":300", "\"faceValueFen\":-300"),
                good.replace("\"benefit\":\"FREE_DELIVERY\"", "\"benefit\":\"_COUPON\""),
                good.replace("\"bu\":\"ENTERTAINMENT\"", "\"bu\":\"NO_SUCH_BU\""),
                good.replace("\"bu\":\"ENTERTAINMENT\",\"templateId\":\"tpl-video\"", "\"bu\":\"ENTERTAINMENT\""),
                good.replace(
                        "[{\"bu\":\"FOOD_DELIVERY\",\"basisPoints\":6000},{\"bu\":\"PLATFORM\",\"basisPoints\":4000}]",
                        "[]"),
                good.replace(
                        "{\"bu\":\"PLATFORM\",\"basisPoints\":4000}",
                        "{\"bu\":\"FOOD_DELIVERY\",\"basisPoints\":4000}"),
                good.replace("\"basisPoints\":4000", "\"basisPoints\":0"),
                good.replace("{\"bu\":\"PLATFORM\"", "{\"bu\":\"NOWHERE\""))) {
            cases.add(new Case(HttpMethod.POST, path, admin, body, 400, null));
        }
        cases.add(new Case(HttpMethod.PUT, path + "/" + code, admin, MembershipApi.planJson("OTHER_CODE"), 400, null));
        cases.add(new Case(HttpMethod.PUT, path + "/" + code, admin, good, 404, "PLAN_NOT_FOUND"));
        cases.add(new Case(HttpMethod.PUT, path + "/" + code, admin, "{", 400, null));

        assertAnswers(cases);
        assertThat(http.get("/api/v1/membership-plans", admin).getBody()).doesNotContain(code);
    }

    @Test
    void badPurchasesPaymentsUsesRefundsAndCancelsAreProblemsThatChangeNothing() {
        String plan = api.createPlan();
        String member = "m-" + UUID.randomUUID();
        String token = TestTokens.member(member);
        String bu = TestTokens.bu(MembershipApi.PAYING_BU);
        String purchases = "/api/v1/memberships/purchases";
        String payments = "/api/v1/bu/memberships/payments";
        String uses = "/api/v1/bu/memberships/counted/FREE_DELIVERY/uses";
        String refunds = "/api/v1/bu/memberships/refunds";
        List<Case> cases = new ArrayList<>();
        for (String body : List.of(
                "",
                "nope",
                "[]",
                "{}",
                "{\"purchaseId\":\"p1\"}",
                "{\"purchaseId\":123,\"planCode\":\"" + plan + "\"}",
                "{\"purchaseId\":\"" + "p".repeat(65) + "\",\"planCode\":\"" + plan + "\"}",
                "{\"purchaseId\":\"has space\",\"planCode\":\"" + plan + "\"}",
                "{\"purchaseId\":\"p1\",\"planCode\":\"lower\"}",
                "{\"purchaseId\":\"p1\",\"planCode\":null}")) {
            cases.add(new Case(HttpMethod.POST, purchases, token, body, 400, null));
        }
        cases.add(new Case(
                HttpMethod.POST,
                purchases,
                token,
                "{\"purchaseId\":\"p1\",\"planCode\":\"NO_PLAN\"}",
                404,
                "PLAN_NOT_FOUND"));
        for (String body : List.of(
                "",
                "{\"paymentId\":\"x\",\"purchaseId\":\"y\",\"amountFen\":\"1800\"}",
                "{\"paymentId\":\"x\",\"purchaseId\":\"y\",\"amountFen\":1800.5}",
                "{\"paymentId\":\"x\",\"purchaseId\":\"y\",\"amountFen\":null}",
                "{\"paymentId\":\"x\",\"purchaseId\":\"y\",\"amountFen\":0}",
                "{\"paymentId\":\"x\",\"purchaseId\":\"y\"}",
                "{\"paymentId\":\"\",\"purchaseId\":\"y\",\"amountFen\":1}")) {
            cases.add(new Case(HttpMethod.POST, payments, bu, body, 400, null));
        }
        cases.add(new Case(
                HttpMethod.POST,
                payments,
                bu,
                "{\"paymentId\":\"x-" + member + "\",\"purchaseId\":\"none-" + member + "\",\"amountFen\":1}",
                404,
                "PURCHASE_NOT_FOUND"));
        for (String body : List.of("", "{}", "{\"useId\":\"u\"}", "{\"useId\":1,\"memberId\":\"m\"}")) {
            cases.add(new Case(HttpMethod.POST, uses, bu, body, 400, null));
        }
        cases.add(new Case(
                HttpMethod.POST,
                uses,
                bu,
                "{\"useId\":\"u-" + member + "\",\"memberId\":\"" + member + "\"}",
                409,
                "MEMBERSHIP_NOT_ACTIVE"));
        cases.add(new Case(
                HttpMethod.POST,
                "/api/v1/bu/memberships/counted/free_delivery/uses",
                bu,
                "{\"useId\":\"u\",\"memberId\":\"m\"}",
                400,
                null));
        for (String body : List.of("", "{}", "{\"refundId\":\"r\"}", "{\"refundId\":\"r\",\"purchaseId\":[]}")) {
            cases.add(new Case(HttpMethod.POST, refunds, bu, body, 400, null));
        }
        cases.add(new Case(
                HttpMethod.POST,
                refunds,
                bu,
                "{\"refundId\":\"r-" + member + "\",\"purchaseId\":\"none-" + member + "\"}",
                404,
                "PURCHASE_NOT_FOUND"));
        cases.add(
                new Case(HttpMethod.POST, "/api/v1/memberships/me/cancel", token, null, 409, "MEMBERSHIP_NOT_ACTIVE"));
        // the wrong kind of token for each
        cases.add(new Case(HttpMethod.POST, purchases, bu, "{\"purchaseId\":\"p\",\"planCode\":\"AB\"}", 403, null));
        cases.add(new Case(
                HttpMethod.POST,
                payments,
                token,
                "{\"paymentId\":\"x\",\"purchaseId\":\"y\",\"amountFen\":1}",
                403,
                null));
        cases.add(new Case(HttpMethod.POST, refunds, token, "{\"refundId\":\"r\",\"purchaseId\":\"y\"}", 403, null));
        cases.add(new Case(HttpMethod.POST, uses, token, "{\"useId\":\"u\",\"memberId\":\"m\"}", 403, null));
        cases.add(new Case(HttpMethod.GET, "/api/v1/memberships/me", bu, null, 403, null));
        cases.add(new Case(HttpMethod.POST, "/api/v1/memberships/me/cancel", bu, null, 403, null));

        assertAnswers(cases);
        JsonNode me = api.me(member);
        assertThat(me.get("status").asString()).isEqualTo("NONE");
        assertThat(me.get("pendingPurchase").isNull()).isTrue();
    }

    @Test
    void aPaymentOrAUseReplayedWithOtherContentIsRefusedNotAppliedAgain() {
        String plan = api.createPlan();
        String member = "m-" + UUID.randomUUID();
        String purchase = "p-" + member;
        api.purchase(member, purchase, plan);
        assertThat(api.pay(MembershipApi.PAYING_BU, "pay-" + member, purchase, 1800)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        // the same payment id for another amount: the key names a payment already recorded otherwise
        ResponseEntity<String> other = api.pay(MembershipApi.PAYING_BU, "pay-" + member, purchase, 1799);
        assertProblem(other, 4);
        // the same purchase id for another plan
        ResponseEntity<String> otherPlan = api.purchase(member, purchase, api.createPlan());
        assertProblem(otherPlan, 4);
        assertThat(api.use("FREE_DELIVERY", "u-" + member, member)
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        var sameIdOtherMember = api.use("FREE_DELIVERY", "u-" + member, "m-" + UUID.randomUUID());
        assertProblem(sameIdOtherMember, 4);
        assertThat(api.me(member).get("counted").get(0).get("remaining").asInt())
                .isEqualTo(2);
    }

    private void assertAnswers(List<Case> cases) {
        for (Case c : cases) {
            ResponseEntity<String> answer = http.send(c.method(), c.path(), c.token(), c.body());
            String what = c.method() + " " + c.path() + " " + c.body() + " → " + answer.getStatusCode() + " "
                    + answer.getBody();
            assertThat(answer.getStatusCode().value()).as(what).isEqualTo(c.status());
            assertThat(answer.getHeaders().getContentType()).as(what).isNotNull();
            assertThat(answer.getHeaders().getContentType().toString()).as(what).contains("problem+json");
            JsonNode problem = mapper.readTree(answer.getBody());
            assertThat(problem.path("code").asString()).as(what).isNotBlank();
            if (c.code() != null) {
                assertThat(problem.get("code").asString()).as(what).isEqualTo(c.code());
            }
        }
    }

    private void assertProblem(ResponseEntity<String> answer, int hundreds) {
        assertThat(answer.getStatusCode().value() / 100).as(answer.getBody()).isEqualTo(hundreds);
        assertThat(answer.getHeaders().getContentType().toString()).contains("problem+json");
    }
}
