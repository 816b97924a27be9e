package io.unimember.points.holds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.CouponExchangeRequested;
import io.unimember.common.events.CouponExchangeSettled;
import io.unimember.common.events.DomainEvent;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.points.Api;
import io.unimember.points.LedgerQueries;
import io.unimember.points.PointsIntegrationTest;
import io.unimember.testsupport.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The points side of points-for-神券 (decision 0045), over Kafka as coupon-service sends it: a request holds the
 * points for the coupon's funding BU, a confirmation spends them there, a release gives them back, and too few points
 * are answered with {@code points.hold_refused}.
 */
@PointsIntegrationTest
class ExchangeHoldsTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventCodec codec;

    @Autowired
    JsonMapper json;

    @Test
    void aRequestedExchangeIsHeldForTheFundingBuAndSpentThereOnConfirmation() {
        String member = Api.newMember();
        api.order("DINE_IN", member, Api.newId("o"), 100_000); // 1,000 points, earned at DINE_IN
        var request = request(member, 600);

        send(request);
        send(request); // delivered again under a new event id: held once

        await().atMost(WAIT).until(() -> "HELD".equals(holdStatus(request)));
        assertThat(api.me(member).number("available")).isEqualTo(400);
        assertThat(api.me(member).number("frozen")).isEqualTo(600);
        JsonNode held = pointsEvent("points.held", request.holdId());
        assertThat(held.path("bu").asString()).isEqualTo("TRAVEL");
        assertThat(held.path("orderRef").asString()).isEqualTo("exchange:" + request.exchangeId());
        assertThat(Instant.parse(held.path("expiresAt").asString()))
                .isAfter(Instant.now().plus(Duration.ofHours(23)));

        send(settled(request, true));

        await().atMost(WAIT).until(() -> "CONFIRMED".equals(holdStatus(request)));
        assertThat(api.me(member).number("available")).isEqualTo(400);
        assertThat(api.me(member).number("frozen")).isZero();
        assertThat(LedgerQueries.of(jdbc, member).spent()).isEqualTo(600);
        JsonNode redeemed = pointsEvent("points.redeemed", request.holdId());
        assertThat(redeemed.path("spendingBu").asString()).isEqualTo("TRAVEL");
        assertThat(redeemed.path("lots").get(0).path("issuingBu").asString()).isEqualTo("DINE_IN");
    }

    @Test
    void aReleasedExchangeGivesThePointsBack() {
        String member = Api.newMember();
        api.order("DINE_IN", member, Api.newId("o"), 50_000);
        var request = request(member, 300);
        send(request);
        await().atMost(WAIT).until(() -> "HELD".equals(holdStatus(request)));

        send(settled(request, false));

        await().atMost(WAIT).until(() -> "CANCELLED".equals(holdStatus(request)));
        assertThat(api.me(member).number("available")).isEqualTo(500);
        assertThat(api.me(member).number("frozen")).isZero();
    }

    @Test
    void tooFewPointsAreRefusedWithoutAHold() {
        String member = Api.newMember();
        api.order("DINE_IN", member, Api.newId("o"), 10_000); // 100 points
        var request = request(member, 600);

        send(request);

        JsonNode refused = pointsEvent("points.hold_refused", request.holdId());
        assertThat(refused.path("reason").asString()).isEqualTo("POINTS_INSUFFICIENT");
        assertThat(refused.path("orderRef").asString()).isEqualTo("exchange:" + request.exchangeId());
        assertThat(holdStatus(request)).isNull();
        assertThat(api.me(member).number("available")).isEqualTo(100);
    }

    private static CouponExchangeRequested request(String member, long points) {
        String exchangeId = "x-" + UUID.randomUUID();
        return new CouponExchangeRequested(
                member, exchangeId, "x-" + UUID.randomUUID(), "tpl-x", "TRAVEL", points, Instant.now());
    }

    private static CouponExchangeSettled settled(CouponExchangeRequested r, boolean confirm) {
        return new CouponExchangeSettled(
                r.memberId(), r.exchangeId(), r.holdId(), r.fundingBu(), confirm, null, null, Instant.now());
    }

    private void send(DomainEvent event) {
        TestKafka.send(
                Topics.COUPON,
                event.memberId(),
                codec.toJson(EventEnvelope.wrap(event, "coupon-service", Instant.now(), json)));
    }

    private String holdStatus(CouponExchangeRequested r) {
        return jdbc.sql("SELECT status FROM points_hold WHERE bu = ? AND hold_id = ?")
                .params(r.fundingBu(), r.holdId())
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private JsonNode pointsEvent(String type, String holdId) {
        await().atMost(WAIT).until(() -> !events(type, holdId).isEmpty());
        List<JsonNode> found = events(type, holdId);
        assertThat(found).hasSize(1);
        return found.getFirst().path("data");
    }

    private List<JsonNode> events(String type, String holdId) {
        return TestKafka.recordsUpToNow(
                        Topics.POINTS, v -> v.contains("\"type\":\"" + type + "\"") && v.contains(holdId))
                .stream()
                .map(r -> json.readTree(r.value()))
                .toList();
    }
}
