package io.unimember.coupon.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.RiskReviewDecided;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.common.risk.Checkpoint;
import io.unimember.common.risk.Counter;
import io.unimember.common.risk.Dimension;
import io.unimember.common.risk.FrozenMembers;
import io.unimember.common.risk.RiskEngine;
import io.unimember.common.risk.RiskPolicies;
import io.unimember.common.risk.RiskPolicy;
import io.unimember.common.risk.RiskRule;
import io.unimember.common.risk.Signals;
import io.unimember.coupon.Api;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestKafka;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Risk control at coupon-service's checkpoints: a claim refused, a claim parked and then approved or rejected by an
 * operator's decision, a frozen member's claim and checkout, an exchange parked before any point moves.
 */
@IntegrationTest
class CouponRiskTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RiskPolicies policies;

    @Autowired
    RiskEngine engine;

    @Autowired
    FrozenMembers frozen;

    @Autowired
    EventCodec codec;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port, json);
    }

    @AfterEach
    void noRules() {
        policies.publish(RiskPolicy.NONE);
    }

    @Test
    void aClaimFromADeviceThatRegisteredAFarmIsRefusedTakesNoStockAndIsRecorded() {
        install(rule(Checkpoint.CLAIM, Counter.REGISTRATIONS, Dimension.DEVICE, 3, 100));
        String device = "farm-" + UUID.randomUUID();
        for (int i = 0; i < 4; i++) {
            engine.record(new Signals(null, device, null, null), Counter.REGISTRATIONS);
        }
        String member = Api.member();
        String template = api.template(Api.fixedTemplate(500, 10, 1, 5_000));

        var claim = claimFrom(member, template, device, UUID.randomUUID().toString());
        var elsewhere = claimFrom(
                Api.member(),
                template,
                "phone-" + UUID.randomUUID(),
                UUID.randomUUID().toString());

        assertThat(claim.status()).isEqualTo(403);
        assertThat(claim.code()).isEqualTo("RISK_DENIED");
        assertThat(claim.raw()).doesNotContain("REGISTRATIONS", "DEVICE", device);
        assertThat(elsewhere.status()).isEqualTo(201);
        assertThat(issued(template)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM risk_decision WHERE member_id = ? AND outcome = 'DENY'")
                        .param(member)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aParkedClaimIsUnusableAndUnannouncedUntilApprovedAndARetryAnswersIt() {
        String member = Api.member();
        install(rule(Checkpoint.CLAIM, Counter.CLAIMS, Dimension.MEMBER, 0, 60));
        String template = api.template(Api.fixedTemplate(500, 10, 2, 5_000));
        String key = UUID.randomUUID().toString();

        var parked = claimFrom(member, template, null, key);
        var retried = claimFrom(member, template, null, key);
        String coupon = parked.text("couponId");
        var opened = TestKafka.records(Topics.RISK, v -> v.contains(coupon), 1, WAIT);
        var lockWhileParked = lock(coupon);
        String reviewId = json.readTree(opened.getFirst().value())
                .path("data")
                .path("reviewId")
                .asString();
        decide(reviewId, member, coupon, Checkpoint.CLAIM, true);
        decide(reviewId, member, coupon, Checkpoint.CLAIM, true);
        await().atMost(WAIT).until(() -> status(coupon).equals("AVAILABLE"));
        var announced = TestKafka.records(
                Topics.COUPON, v -> v.contains(coupon) && v.contains("coupon.issued"), 2, Duration.ofSeconds(5));

        assertThat(parked.status()).as(parked.raw()).isEqualTo(202);
        assertThat(parked.text("status")).isEqualTo("PENDING_REVIEW");
        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.text("couponId")).isEqualTo(coupon);
        assertThat(json.readTree(opened.getFirst().value())
                        .path("data")
                        .path("checkpoint")
                        .asString())
                .isEqualTo("CLAIM");
        assertThat(lockWhileParked.status()).isEqualTo(409);
        assertThat(announced).hasSize(1);
        assertThat(lock(coupon).status()).isEqualTo(201);
    }

    @Test
    void aRejectedClaimIsNeverUsableAndItsStockGoesBack() {
        String member = Api.member();
        install(rule(Checkpoint.CLAIM, Counter.CLAIMS, Dimension.MEMBER, 0, 60));
        String template = api.template(Api.fixedTemplate(500, 10, 2, 5_000));

        var parked = claimFrom(member, template, null, UUID.randomUUID().toString());
        String coupon = parked.text("couponId");
        long issuedWhileParked = issued(template);
        decide(UUID.randomUUID().toString(), member, coupon, Checkpoint.CLAIM, false);
        await().atMost(WAIT).until(() -> status(coupon).equals("REJECTED"));

        assertThat(issuedWhileParked).isEqualTo(1);
        assertThat(issued(template)).isZero();
        assertThat(lock(coupon).status()).isEqualTo(409);
        assertThat(TestKafka.recordsUpToNow(Topics.COUPON, v -> v.contains(coupon) && v.contains("coupon.issued")))
                .isEmpty();
    }

    @Test
    void aFrozenMemberClaimsAndSpendsNothingUntilUnfrozen() {
        String member = Api.member();
        String template = api.template(Api.fixedTemplate(500, 10, 3, 5_000));
        String coupon = api.claim(member, template).text("couponId");

        frozen.add(List.of(member));
        var claim = api.claim(member, template);
        var checkout = lock(coupon);
        frozen.remove(List.of(member));
        var afterwards = api.claim(member, template);

        assertThat(claim.status()).isEqualTo(403);
        assertThat(claim.code()).isEqualTo("MEMBER_FROZEN");
        assertThat(checkout.status()).isEqualTo(403);
        assertThat(checkout.code()).isEqualTo("MEMBER_FROZEN");
        assertThat(status(coupon)).isEqualTo("AVAILABLE");
        assertThat(afterwards.status()).isEqualTo(201);
    }

    @Test
    void aParkedExchangeMovesNoPointUntilApprovedThenAsksForItsHold() {
        String member = Api.member();
        install(rule(Checkpoint.EXCHANGE, Counter.EXCHANGES, Dimension.MEMBER, 0, 60));
        var body = Api.fixedTemplate(500, 10, 2, 5_000);
        body.put("pointsPrice", 1000);
        String template = api.template(body);
        String exchangeId = "ex-" + UUID.randomUUID();

        var parked = api.post(
                "/api/v1/coupons/exchanges",
                TestTokens.member(member),
                Map.of("exchangeId", exchangeId, "templateId", template));
        var requestedWhileParked = TestKafka.recordsUpToNow(
                Topics.COUPON, v -> v.contains(exchangeId) && v.contains("exchange_requested"));
        decide(
                UUID.randomUUID().toString(),
                member,
                "exchange:" + member + ":" + exchangeId,
                Checkpoint.EXCHANGE,
                true);
        var requested = TestKafka.records(
                Topics.COUPON, v -> v.contains(exchangeId) && v.contains("exchange_requested"), 1, WAIT);

        assertThat(parked.status()).as(parked.raw()).isEqualTo(202);
        assertThat(parked.text("status")).isEqualTo("PENDING_REVIEW");
        assertThat(requestedWhileParked).isEmpty();
        assertThat(requested).hasSize(1);
    }

    private void install(RiskRule rule) {
        policies.publish(new RiskPolicy(System.nanoTime(), 50, 100, List.of(rule)));
    }

    private static RiskRule rule(Checkpoint at, Counter counter, Dimension dimension, int threshold, int score) {
        return new RiskRule(
                "test-" + UUID.randomUUID(),
                "test",
                at,
                counter,
                dimension,
                Duration.ofHours(1),
                threshold,
                score,
                true);
    }

    private Api.Response claimFrom(String member, String template, String device, String key) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("Idempotency-Key", key));
        if (device != null) {
            headers.put("X-Device-Id", device);
        }
        return api.post("/api/v1/coupons/claims", TestTokens.member(member), Map.of("templateId", template), headers);
    }

    private Api.Response lock(String coupon) {
        String lockId = "lock-" + UUID.randomUUID();
        return api.post(
                "/api/v1/bu/coupons/" + coupon + "/locks",
                TestTokens.bu("DINE_IN"),
                Map.of("lockId", lockId, "orderRef", "order-" + lockId, "amountFen", 10_000));
    }

    private void decide(String reviewId, String member, String subject, Checkpoint checkpoint, boolean approved) {
        var decided = new RiskReviewDecided(
                reviewId, "coupon-service", checkpoint.name(), member, subject, approved, "op_test", Instant.now());
        TestKafka.send(
                Topics.RISK, member, codec.toJson(EventEnvelope.wrap(decided, "member-service", Instant.now(), json)));
    }

    private String status(String coupon) {
        return jdbc.sql("SELECT status FROM coupon WHERE id = ?")
                .param(coupon)
                .query(String.class)
                .single();
    }

    private long issued(String template) {
        return jdbc.sql("SELECT SUM(issued) FROM template_stock WHERE template_id = ?")
                .param(template)
                .query(Long.class)
                .single();
    }
}
