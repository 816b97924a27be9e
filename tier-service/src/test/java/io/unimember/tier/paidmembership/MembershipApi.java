package io.unimember.tier.paidmembership;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.Topics;
import io.unimember.testsupport.TestHttp;
import io.unimember.testsupport.TestKafka;
import io.unimember.testsupport.TestOutbox;
import io.unimember.testsupport.TestTokens;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The paid membership API as its clients call it, for the tests: an admin, a member, a paying BU. */
final class MembershipApi {

    static final String PAYING_BU = "FOOD_DELIVERY";

    private final TestHttp http;
    private final JsonMapper mapper;
    private final DataSource dataSource;

    MembershipApi(TestHttp http, JsonMapper mapper, DataSource dataSource) {
        this.http = http;
        this.mapper = mapper;
        this.dataSource = dataSource;
    }

    /** A new monthly plan: ¥18, ¥12 from GOLD, 3 free deliveries (¥3 each) a month, 1.5×, revenue 60/40. */
    String createPlan() {
        String code = "SUPER_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        var created = http.post("/api/v1/admin/membership-plans", TestTokens.admin(), planJson(code));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        return code;
    }

    /** A new plan of {@code period} at {@code priceFen}, otherwise as {@link #createPlan()}'s. */
    String createPlan(String period, long priceFen) {
        String code = "SUPER_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String json = planJson(code)
                .replace("\"period\":\"MONTH\"", "\"period\":\"" + period + "\"")
                .replace("\"priceFen\":1800", "\"priceFen\":" + priceFen);
        var created = http.post("/api/v1/admin/membership-plans", TestTokens.admin(), json);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        return code;
    }

    static String planJson(String code) {
        return """
                {"code":"%s","name":"神会员","period":"MONTH","priceFen":1800,
                 "discounts":[{"minTier":"GOLD","priceFen":1200}],
                 "benefits":[{"type":"MONTHLY_COUPONS","templateId":"tpl-5yuan","count":4},
                             {"type":"POINTS_MULTIPLIER","multiplierBp":15000},
                             {"type":"COUNTED","benefit":"FREE_DELIVERY","perMonth":3,"faceValueFen":300},
                             {"type":"PARTNER","bu":"ENTERTAINMENT","templateId":"tpl-video"}],
                 "revenueSplit":[{"bu":"FOOD_DELIVERY","basisPoints":6000},{"bu":"PLATFORM","basisPoints":4000}]}"""
                .formatted(code);
    }

    ResponseEntity<String> purchase(String member, String purchaseId, String plan) {
        return http.post(
                "/api/v1/memberships/purchases",
                TestTokens.member(member),
                "{\"purchaseId\":\"%s\",\"planCode\":\"%s\"}".formatted(purchaseId, plan));
    }

    ResponseEntity<String> pay(String bu, String paymentId, String purchaseId, long amountFen) {
        return http.post(
                "/api/v1/bu/memberships/payments",
                TestTokens.bu(bu),
                "{\"paymentId\":\"%s\",\"purchaseId\":\"%s\",\"amountFen\":%d}"
                        .formatted(paymentId, purchaseId, amountFen));
    }

    ResponseEntity<String> use(String benefit, String useId, String member) {
        return http.post(
                "/api/v1/bu/memberships/counted/" + benefit + "/uses",
                TestTokens.bu(PAYING_BU),
                "{\"useId\":\"%s\",\"memberId\":\"%s\"}".formatted(useId, member));
    }

    ResponseEntity<String> refund(String bu, String refundId, String purchaseId) {
        return http.post(
                "/api/v1/bu/memberships/refunds",
                TestTokens.bu(bu),
                "{\"refundId\":\"%s\",\"purchaseId\":\"%s\"}".formatted(refundId, purchaseId));
    }

    ResponseEntity<String> cancel(String member) {
        return http.post("/api/v1/memberships/me/cancel", TestTokens.member(member), null);
    }

    JsonNode me(String member) {
        var response = http.get("/api/v1/memberships/me", TestTokens.member(member));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json(response);
    }

    /** A member with an ACTIVE membership of {@code plan}, bought and paid now; returns the purchase id. */
    String activate(String member, String plan) {
        String purchaseId = "p-" + UUID.randomUUID();
        var bought = purchase(member, purchaseId, plan);
        assertThat(bought.getStatusCode().value()).as(bought.getBody()).isEqualTo(201);
        var paid = pay(
                PAYING_BU,
                "pay-" + UUID.randomUUID(),
                purchaseId,
                json(bought).get("priceFen").asLong());
        assertThat(paid.getStatusCode().value()).as(paid.getBody()).isEqualTo(200);
        return purchaseId;
    }

    JsonNode json(ResponseEntity<String> response) {
        return mapper.readTree(response.getBody());
    }

    /** Every membership event about the member on Kafka, once the outbox has sent all of them; of {@code type}. */
    List<JsonNode> events(String member, String type) {
        TestOutbox.awaitSent(dataSource, member);
        return TestKafka.recordsUpToNow(Topics.MEMBERSHIP, v -> v.contains(member) && v.contains("\"" + type + "\""))
                .stream()
                .map(r -> mapper.readTree(r.value()))
                .toList();
    }
}
