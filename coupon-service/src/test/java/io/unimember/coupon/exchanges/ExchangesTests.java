package io.unimember.coupon.exchanges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.DomainEvent;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.PointsBalance;
import io.unimember.common.events.PointsHeld;
import io.unimember.common.events.PointsHoldRefused;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.coupon.Api;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestKafka;
import io.unimember.testsupport.TestOutbox;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Points for a 神券 as a saga over real Kafka, with points-service's answers sent as it would send them. Points and
 * coupon move together: the coupon and the hold's confirmation commit in one transaction, a refusal releases the hold,
 * and coupon-service going away between the hold and the issue (its consumer stopped) resumes where it stopped.
 */
@IntegrationTest
class ExchangesTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long PRICE = 500;

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventCodec codec;

    @Autowired
    DataSource dataSource;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    ExchangeRecovery recovery;

    Api api;
    String member;
    String template;

    @BeforeEach
    void setUp() {
        api = new Api(port, json);
        member = Api.member();
        var body = Api.fixedTemplate(1_000, 100, 5, 100_000);
        body.put("fundingBu", "TRAVEL");
        body.put("pointsPrice", PRICE);
        template = api.template(body);
    }

    @Test
    void heldPointsBecomeACouponAndTheHoldIsConfirmedOnce() {
        String exchangeId = "x-" + UUID.randomUUID();
        CompletableFuture<Api.Response> answer = CompletableFuture.supplyAsync(() -> exchange(exchangeId, template));
        JsonNode requested = awaitEvent("coupon.exchange_requested", exchangeId);
        assertThat(requested.path("points").asLong()).isEqualTo(PRICE);
        assertThat(requested.path("fundingBu").asString()).isEqualTo("TRAVEL");
        String holdId = requested.path("holdId").asString();

        send(held(holdId, exchangeId, PRICE, "TRAVEL"));

        Api.Response r = answer.join();
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.body().path("pointsSpent").asLong()).isEqualTo(PRICE);
        String coupon = r.text("couponId");
        assertThat(jdbc.sql("SELECT channel FROM coupon WHERE id = ? AND member_id = ?")
                        .params(coupon, member)
                        .query(String.class)
                        .single())
                .isEqualTo("EXCHANGE");
        JsonNode settled = awaitEvent("coupon.exchange_settled", exchangeId);
        assertThat(settled.path("confirm").asBoolean()).isTrue();
        assertThat(settled.path("holdId").asString()).isEqualTo(holdId);
        assertThat(settled.path("couponId").asString()).isEqualTo(coupon);

        // the same request again answers the same exchange, and issues nothing more
        assertThat(exchange(exchangeId, template).text("couponId")).isEqualTo(coupon);
        assertThat(api.get("/api/v1/coupons/exchanges/" + exchangeId, TestTokens.member(member))
                        .text("status"))
                .isEqualTo("ISSUED");
        assertThat(coupons()).isEqualTo(1);
    }

    @Test
    void aCrashBetweenTheHoldAndTheIssueResumesAndIssuesOnce() {
        String exchangeId = "x-" + UUID.randomUUID();
        var consumer = listeners.getListenerContainer("coupon-exchanges");
        consumer.stop(); // coupon-service is away once the points are held
        try {
            Api.Response pending = exchange(exchangeId, template);
            assertThat(pending.status()).isEqualTo(202);
            assertThat(pending.text("status")).isEqualTo("PENDING");
            String holdId = awaitEvent("coupon.exchange_requested", exchangeId)
                    .path("holdId")
                    .asString();
            String event = envelope(held(holdId, exchangeId, PRICE, "TRAVEL"));
            TestKafka.send(Topics.POINTS, member, event);
            TestKafka.send(Topics.POINTS, member, event);

            assertThat(status(exchangeId)).isEqualTo("REQUESTED");
            assertThat(coupons()).isZero();
        } finally {
            consumer.start();
        }

        await().atMost(WAIT).until(() -> "ISSUED".equals(status(exchangeId)));
        assertThat(coupons()).isEqualTo(1);
        TestOutbox.awaitSent(dataSource, exchangeId);
        assertThat(events("coupon.exchange_settled", exchangeId)).hasSize(1);
        assertThat(exchange(exchangeId, template).status()).isEqualTo(201);
    }

    @Test
    void aCouponThatCannotBeIssuedReleasesTheHold() {
        var body = Api.fixedTemplate(1_000, 1, 5, 100_000);
        body.put("fundingBu", "TRAVEL");
        body.put("pointsPrice", PRICE);
        String scarce = api.template(body);
        assertThat(api.claim(Api.member(), scarce).status()).isEqualTo(201);
        String exchangeId = "x-" + UUID.randomUUID();
        CompletableFuture<Api.Response> answer = CompletableFuture.supplyAsync(() -> exchange(exchangeId, scarce));
        String holdId = awaitEvent("coupon.exchange_requested", exchangeId)
                .path("holdId")
                .asString();

        send(held(holdId, exchangeId, PRICE, "TRAVEL"));

        Api.Response r = answer.join();
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("COUPON_SOLD_OUT");
        JsonNode settled = awaitEvent("coupon.exchange_settled", exchangeId);
        assertThat(settled.path("confirm").asBoolean()).isFalse();
        assertThat(settled.path("reason").asString()).isEqualTo("COUPON_SOLD_OUT");
    }

    @Test
    void tooFewPointsAnswerPointsInsufficient() {
        String exchangeId = "x-" + UUID.randomUUID();
        CompletableFuture<Api.Response> answer = CompletableFuture.supplyAsync(() -> exchange(exchangeId, template));
        String holdId = awaitEvent("coupon.exchange_requested", exchangeId)
                .path("holdId")
                .asString();

        send(new PointsHoldRefused(
                member, holdId, "TRAVEL", "exchange:" + exchangeId, PRICE, "POINTS_INSUFFICIENT", balance()));

        Api.Response r = answer.join();
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("POINTS_INSUFFICIENT");
        assertThat(coupons()).isZero();
        Api.Response read = api.get("/api/v1/coupons/exchanges/" + exchangeId, TestTokens.member(member));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("status")).isEqualTo("FAILED");
        assertThat(read.text("reason")).isEqualTo("POINTS_INSUFFICIENT");
    }

    @Test
    void anExchangeWhoseHoldNeverComesIsGivenUpAndALateHoldReleased() {
        String exchangeId = "x-" + UUID.randomUUID();
        var consumer = listeners.getListenerContainer("coupon-exchanges");
        consumer.stop();
        String holdId;
        try {
            assertThat(exchange(exchangeId, template).status()).isEqualTo(202);
            holdId = awaitEvent("coupon.exchange_requested", exchangeId)
                    .path("holdId")
                    .asString();
        } finally {
            consumer.start();
        }

        assertThat(recovery.run(Instant.now().plus(11, ChronoUnit.MINUTES))).isPositive();
        assertThat(status(exchangeId)).isEqualTo("FAILED");
        send(held(holdId, exchangeId, PRICE, "TRAVEL"));

        await().atMost(WAIT)
                .until(() -> events("coupon.exchange_settled", exchangeId).size() == 2);
        assertThat(events("coupon.exchange_settled", exchangeId))
                .allSatisfy(e ->
                        assertThat(e.path("data").path("confirm").asBoolean()).isFalse());
        assertThat(coupons()).isZero();
        assertThat(exchange(exchangeId, template).code()).isEqualTo("TIMED_OUT");
    }

    @Test
    void aHoldThatLapsedAfterTheIssueTakesTheCouponBack() {
        String exchangeId = "x-" + UUID.randomUUID();
        CompletableFuture<Api.Response> answer = CompletableFuture.supplyAsync(() -> exchange(exchangeId, template));
        String holdId = awaitEvent("coupon.exchange_requested", exchangeId)
                .path("holdId")
                .asString();
        send(held(holdId, exchangeId, PRICE, "TRAVEL"));
        String coupon = answer.join().text("couponId");

        send(new PointsHoldRefused(
                member, holdId, "TRAVEL", "exchange:" + exchangeId, PRICE, "HOLD_EXPIRED", balance()));

        await().atMost(WAIT).until(() -> "FAILED".equals(status(exchangeId)));
        assertThat(jdbc.sql("SELECT status FROM coupon WHERE id = ?")
                        .param(coupon)
                        .query(String.class)
                        .single())
                .isEqualTo("REVOKED");
    }

    @Test
    void onlyExchangeableTemplatesAndValidRequestsAreTaken() {
        String plain = api.template(Api.fixedTemplate(1_000, 10, 1, 100_000));
        assertThat(exchange("x-" + UUID.randomUUID(), plain).code()).isEqualTo("TEMPLATE_NOT_EXCHANGEABLE");
        assertThat(exchange("x-" + UUID.randomUUID(), "no-such-template").code())
                .isEqualTo("TEMPLATE_NOT_FOUND");
        assertThat(exchange("not valid!", template).status()).isEqualTo(400);
        assertThat(api.post(
                                "/api/v1/coupons/exchanges",
                                TestTokens.bu("TRAVEL"),
                                Map.of("exchangeId", "x-1", "templateId", template))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/coupons/exchanges/x-none", TestTokens.member(member))
                        .code())
                .isEqualTo("EXCHANGE_NOT_FOUND");
    }

    private Api.Response exchange(String exchangeId, String templateId) {
        return api.post(
                "/api/v1/coupons/exchanges",
                TestTokens.member(member),
                Map.of("exchangeId", exchangeId, "templateId", templateId));
    }

    private PointsHeld held(String holdId, String exchangeId, long points, String bu) {
        return new PointsHeld(
                member,
                holdId,
                bu,
                "exchange:" + exchangeId,
                points,
                Instant.now().plus(1, ChronoUnit.DAYS),
                balance());
    }

    private static PointsBalance balance() {
        return new PointsBalance(0, PRICE, PRICE, 2, List.of());
    }

    private void send(DomainEvent event) {
        TestKafka.send(Topics.POINTS, member, envelope(event));
    }

    private String envelope(DomainEvent event) {
        return codec.toJson(EventEnvelope.wrap(event, "points-service", Instant.now(), json));
    }

    private JsonNode awaitEvent(String type, String exchangeId) {
        await().atMost(WAIT).until(() -> !events(type, exchangeId).isEmpty());
        return events(type, exchangeId).getFirst().path("data");
    }

    private List<JsonNode> events(String type, String exchangeId) {
        return TestKafka.recordsUpToNow(
                        Topics.COUPON, v -> v.contains("\"type\":\"" + type + "\"") && v.contains(exchangeId))
                .stream()
                .map(r -> json.readTree(r.value()))
                .toList();
    }

    private String status(String exchangeId) {
        return jdbc.sql("SELECT status FROM coupon_exchange WHERE member_id = ? AND exchange_id = ?")
                .params(member, exchangeId)
                .query(String.class)
                .single();
    }

    private long coupons() {
        return jdbc.sql("SELECT COUNT(*) FROM coupon WHERE member_id = ?")
                .param(member)
                .query(Long.class)
                .single();
    }
}
