package io.unimember.coupon.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.Topics;
import io.unimember.coupon.Api;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestKafka;
import io.unimember.testsupport.TestOutbox;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class ClaimsTests {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port, json);
    }

    @Test
    void aClaimAnswersTheCouponWithItsCodeAndAnnouncesIt() {
        String member = Api.member();
        var body = Api.fixedTemplate(1500, 100, 1, 150_000);
        body.put("minSpendFen", 5000);
        body.put("scenes", java.util.List.of("DINE_IN", "HOTEL"));
        String template = api.template(body);

        var claim = api.claim(member, template);

        assertThat(claim.status()).isEqualTo(201);
        assertThat(claim.text("templateId")).isEqualTo(template);
        assertThat(claim.text("kind")).isEqualTo("FIXED");
        assertThat(claim.body().path("discountFen").asLong()).isEqualTo(1500);
        assertThat(claim.body().path("minSpendFen").asLong()).isEqualTo(5000);
        assertThat(claim.body().path("scenes").toString()).isEqualTo("[\"DINE_IN\",\"HOTEL\"]");
        assertThat(claim.text("fundingBu")).isEqualTo("PLATFORM");
        assertThat(claim.text("status")).isEqualTo("AVAILABLE");
        assertThat(claim.text("code")).matches("[A-Z2-7]{26}");
        Instant issuedAt = Instant.parse(claim.text("issuedAt"));
        assertThat(Instant.parse(claim.text("expiresAt"))).isEqualTo(issuedAt.plus(Duration.ofDays(30)));
        var announced =
                TestKafka.records(Topics.COUPON, v -> v.contains(claim.text("couponId")), 1, Duration.ofSeconds(30));
        assertThat(announced).isNotEmpty();
        var event = json.readTree(announced.getFirst().value());
        assertThat(announced.getFirst().key()).isEqualTo(member);
        assertThat(event.path("type").asString()).isEqualTo("coupon.issued");
        assertThat(event.path("data").path("channel").asString()).isEqualTo("CLAIM");
        assertThat(event.path("data").path("discountFen").asLong()).isEqualTo(1500);
        assertThat(event.path("data").path("fundingBu").asString()).isEqualTo("PLATFORM");
    }

    @Test
    void aRetriedClaimGetsTheSameCouponAndAReusedKeyForAnotherTemplateIsAConflict() {
        String member = Api.member();
        String template = api.template(Api.fixedTemplate(500, 100, 5, 50_000));
        String other = api.template(Api.fixedTemplate(500, 100, 5, 50_000));
        String key = UUID.randomUUID().toString();

        var first = api.claim(member, template, key);
        var retry = api.claim(member, template, key);
        var reused = api.claim(member, other, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("couponId")).isEqualTo(first.text("couponId"));
        assertThat(retry.body()).as("the stored answer, field for field").isEqualTo(first.body());
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(couponsOf(member, template)).isEqualTo(1);
    }

    @Test
    void aMemberStopsAtThePerMemberLimit() {
        String member = Api.member();
        String template = api.template(Api.fixedTemplate(500, 100, 2, 50_000));

        var first = api.claim(member, template);
        var second = api.claim(member, template);
        var third = api.claim(member, template);
        var someoneElse = api.claim(Api.member(), template);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.code()).isEqualTo("COUPON_LIMIT_REACHED");
        assertThat(someoneElse.status()).isEqualTo(201);
        assertThat(couponsOf(member, template)).isEqualTo(2);
    }

    @Test
    void aSoldOutTemplateRefusesAndTheRefusalLeavesNoTrace() {
        String template = api.template(Api.fixedTemplate(500, 2, 1, 1_000_000));
        String late = Api.member();
        String early = Api.member();
        String earlyKey = UUID.randomUUID().toString();

        var earlyClaim = api.claim(early, template, earlyKey);
        assertThat(api.claim(Api.member(), template).status()).isEqualTo(201);
        var refused = api.claim(late, template);
        var refusedAgain = api.claim(late, template);
        var earlyRetry = api.claim(early, template, earlyKey);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("COUPON_SOLD_OUT");
        assertThat(refusedAgain.code()).isEqualTo("COUPON_SOLD_OUT");
        assertThat(earlyRetry.status())
                .as("a retry after the sell-out gets its original answer")
                .isEqualTo(201);
        assertThat(earlyRetry.text("couponId")).isEqualTo(earlyClaim.text("couponId"));
        assertThat(couponsOf(late, template)).isZero();
        assertThat(jdbc.sql("SELECT COALESCE(SUM(issued), 0) FROM member_template_count WHERE member_id = ?")
                        .param(late)
                        .query(Long.class)
                        .single())
                .as("the refused claim took nothing from the member's limit")
                .isZero();
        // once the outbox holds nothing of the late member's, the topic holds all there will be
        TestOutbox.awaitSent(dataSource, late);
        assertThat(TestKafka.recordsUpToNow(Topics.COUPON, v -> v.contains(late)))
                .as("no event for a claim that was refused")
                .isEmpty();
    }

    @Test
    void aSpentBudgetRefusesEvenWithStockLeft() {
        String template = api.template(Api.fixedTemplate(500, 100, 1, 1_200));

        var first = api.claim(Api.member(), template);
        var second = api.claim(Api.member(), template);
        var third = api.claim(Api.member(), template);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.code()).isEqualTo("BUDGET_EXHAUSTED");
        var view = api.get("/api/v1/admin/coupon-templates/" + template, TestTokens.admin());
        assertThat(view.body().path("issued").asLong()).isEqualTo(2);
        assertThat(view.body().path("budgetUsedFen").asLong()).isEqualTo(1_000);
    }

    @Test
    void onlyMembersClaimOnlyClaimableTemplatesWithAKey() {
        String template = api.template(Api.fixedTemplate(500, 100, 1, 50_000));
        var body = Map.of("templateId", template);

        var noKey = api.post("/api/v1/coupons/claims", TestTokens.member(Api.member()), body);
        var badKey = api.post(
                "/api/v1/coupons/claims",
                TestTokens.member(Api.member()),
                body,
                Map.of("Idempotency-Key", "spaces are not allowed"));
        var reward = api.claim(Api.member(), "tpl-first-dine-in-15");
        var unknown = api.claim(Api.member(), "no-such-template");
        var bu = api.post("/api/v1/coupons/claims", TestTokens.bu("HOTEL"), body, Map.of("Idempotency-Key", "k"));
        var anonymous = api.post("/api/v1/coupons/claims", null, body, Map.of("Idempotency-Key", "k"));

        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(reward.status()).as("rewards are earned, not claimed").isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("TEMPLATE_NOT_FOUND");
        assertThat(bu.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void aClosedWindowIssuesNothing() {
        var body = Api.fixedTemplate(500, 100, 100, 50_000);
        body.remove("validDays");
        Instant validTo = Instant.now().plusSeconds(6);
        body.put("validFrom", Instant.now().minusSeconds(3600).toString());
        body.put("validTo", validTo.toString());
        String template = api.template(body);
        String member = Api.member();

        var late =
                await().atMost(Duration.ofSeconds(60)).until(() -> api.claim(member, template), r -> r.status() == 409);

        assertThat(late.code()).isEqualTo("TEMPLATE_EXPIRED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM coupon WHERE template_id = ? AND issued_at >= ?")
                        .params(template, io.unimember.coupon.support.Times.ts(validTo))
                        .query(Long.class)
                        .single())
                .as("nothing issued once the window closed")
                .isZero();
    }

    private long couponsOf(String member, String template) {
        return jdbc.sql("SELECT COUNT(*) FROM coupon WHERE member_id = ? AND template_id = ?")
                .params(member, template)
                .query(Long.class)
                .single();
    }
}
