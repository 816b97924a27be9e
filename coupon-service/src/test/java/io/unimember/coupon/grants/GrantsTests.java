package io.unimember.coupon.grants;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.Topics;
import io.unimember.coupon.Api;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestKafka;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class GrantsTests {

    private static final String GRANTS = "/api/v1/bu/coupons/grants";

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    Api api;
    String hotel;

    @BeforeEach
    void setUp() {
        api = new Api(port, json);
        hotel = TestTokens.bu("HOTEL");
    }

    @Test
    void aBusinessUnitGrantsItsOwnCouponOncePerGrantId() {
        String template = hotelTemplate(2);
        String member = Api.member();
        String grantId = "g-" + UUID.randomUUID();
        var body = Map.of("grantId", grantId, "templateId", template, "memberId", member);

        var granted = api.post(GRANTS, hotel, body);
        var retried = api.post(GRANTS, hotel, body);
        var reused =
                api.post(GRANTS, hotel, Map.of("grantId", grantId, "templateId", template, "memberId", Api.member()));

        assertThat(granted.status()).isEqualTo(201);
        assertThat(granted.text("fundingBu")).isEqualTo("HOTEL");
        assertThat(granted.raw()).as("the code is the member's alone").doesNotContain("\"code\"");
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.text("couponId")).isEqualTo(granted.text("couponId"));
        assertThat(retried.body()).as("the stored answer, field for field").isEqualTo(granted.body());
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_CONFLICT");
        var wallet = api.get("/api/v1/coupons/me", TestTokens.member(member));
        assertThat(wallet.body().path("items")).hasSize(1);
        assertThat(wallet.body().path("items").get(0).path("code").asString()).matches("[A-Z2-7]{26}");
        var event = json.readTree(
                TestKafka.records(Topics.COUPON, v -> v.contains(granted.text("couponId")), 1, Duration.ofSeconds(30))
                        .getFirst()
                        .value());
        assertThat(event.path("data").path("channel").asString()).isEqualTo("GRANT");
    }

    @Test
    void grantsKeepThePerMemberLimit() {
        String template = hotelTemplate(1);
        String member = Api.member();

        var first = grant(template, member);
        var second = grant(template, member);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("COUPON_LIMIT_REACHED");
    }

    @Test
    void aBusinessUnitSpendsOnlyItsOwnBudget() {
        String platform = api.template(Api.fixedTemplate(500, 100, 1, 50_000));
        var dineInBody = Api.fixedTemplate(500, 100, 1, 50_000);
        dineInBody.put("fundingBu", "DINE_IN");
        String dineIn = api.template(dineInBody);

        var othersBudget = grant(dineIn, Api.member());
        var platformBudget = grant(platform, Api.member());
        var member = api.post(
                GRANTS,
                TestTokens.member(Api.member()),
                Map.of("grantId", "g", "templateId", dineIn, "memberId", Api.member()));
        var badGrantId = api.post(
                GRANTS, hotel, Map.of("grantId", "has spaces", "templateId", dineIn, "memberId", Api.member()));

        assertThat(othersBudget.status()).isEqualTo(403);
        assertThat(othersBudget.code()).isEqualTo("TEMPLATE_NOT_OWNED");
        assertThat(platformBudget.status()).isEqualTo(403);
        assertThat(member.status()).isEqualTo(403);
        assertThat(badGrantId.status()).isEqualTo(400);
    }

    private String hotelTemplate(int perMemberLimit) {
        var body = Api.fixedTemplate(2000, 100, perMemberLimit, 200_000);
        body.put("fundingBu", "HOTEL");
        body.put("claimable", false);
        return api.template(body);
    }

    private Api.Response grant(String template, String member) {
        return api.post(
                GRANTS, hotel, Map.of("grantId", "g-" + UUID.randomUUID(), "templateId", template, "memberId", member));
    }
}
