package io.unimember.settlement.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.EventEnvelope;
import io.unimember.settlement.support.Fixture;
import io.unimember.settlement.support.SettlementIntegrationTest;
import io.unimember.testsupport.TestClock;
import io.unimember.testsupport.TestHttp;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * A receiver on loopback, as a BU would run one, against the whole service: signatures verify, every event arrives
 * once in effect and in order per member and topic across an outage, nothing of another BU's members arrives, a failing
 * endpoint is paused and its owner told, and what outlives the retry window is dead-lettered and replayable. Time
 * is the service's clock, moved by the test; nothing waits for real backoffs.
 */
@SettlementIntegrationTest
class WebhookDeliveryTests {

    static final String ALL_EVENTS =
            "[\"points.earned\",\"points.refunded\",\"coupon.redeemed\",\"coupon.returned\",\"tier.changed\","
                    + "\"membership.*\",\"settlement.period.closed\"]";

    @Autowired
    Fixture fixture;

    @Autowired
    TestClock clock;

    @Autowired
    Environment environment;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aReceiverSeesEveryEventOnceInOrderPerMemberAndTopicAcrossATwoMinuteOutageAndNothingOfOtherBus()
            throws Exception {
        Events events = new Events(fixture);
        String bu = Hooks.newBu();
        String other = Hooks.newBu();
        try (Receiver receiver = Receiver.start()) {
            receiver.down();
            clock.set(Instant.now());
            String webhookId = register(bu, receiver);
            String m1 = Events.newMember();
            String m2 = Events.newMember();
            String stranger = Events.newMember();
            List<EventEnvelope> ours = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ours.add(events.earned(m1, bu, 100 + i));
            }
            ours.add(events.redeemed(m2, bu, other));
            ours.add(events.earned(m2, bu, 7));
            List<EventEnvelope> theirs =
                    List.of(events.earned(stranger, other, 50), events.redeemed(stranger, other, "HOTEL"));
            // each of ours twice, as after a consumer's crash before its offsets were committed
            fixture.send(concat(concat(ours, theirs), ours));
            await().atMost(Duration.ofSeconds(60)).until(() -> pending(webhookId) == ours.size());
            // tier changes come after the member is known to belong to the BU (another topic, so no order with it)
            EventEnvelope m1Up = events.tierChanged(m1, "SILVER", "GOLD");
            EventEnvelope strangerUp = events.tierChanged(stranger, "SILVER", "GOLD");
            ours.add(m1Up);
            fixture.send(m1Up, strangerUp);
            await().atMost(Duration.ofSeconds(60)).until(() -> pending(webhookId) == ours.size());
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.refused() >= 2);

            // two minutes of outage in ten-second steps: the sender keeps trying with doubling waits
            for (int step = 0; step < 12; step++) {
                clock.advance(Duration.ofSeconds(10));
                Thread.sleep(250);
            }
            int refusedDuringOutage = receiver.refused();
            receiver.up();
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        clock.advance(Duration.ofSeconds(10));
                        return receiver.eventIds().size() == ours.size();
                    });

            assertThat(refusedDuringOutage).isGreaterThanOrEqualTo(4);
            assertThat(receiver.eventIds()).containsExactlyInAnyOrderElementsOf(ids(ours));
            assertThat(receiver.all())
                    .allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
            assertThat(receiver.all()).noneMatch(r -> r.memberId().equals(stranger));
            assertThat(receiver.firstReceiptsByMember()).containsExactlyInAnyOrderEntriesOf(byMember(ours));
            assertThat(status(webhookId)).isEqualTo("ACTIVE");
            await().atMost(Duration.ofSeconds(10)).until(() -> pending(webhookId) == 0);
            assertThat(fixture.jdbc()
                            .sql("SELECT COUNT(*) FROM webhook_delivery WHERE webhook_id = ?")
                            .param(webhookId)
                            .query(Long.class)
                            .single())
                    .as("one delivery per event, though each came twice")
                    .isEqualTo(ours.size());
        }
    }

    @Test
    void anEndpointFailingForAnHourIsPausedItsOwnerToldAndWhatOutlivesTheWindowIsDeadLetteredAndReplayable()
            throws Exception {
        Events events = new Events(fixture);
        String bu = Hooks.newBu();
        try (Receiver receiver = Receiver.start()) {
            receiver.down();
            clock.set(Instant.now());
            String webhookId = register(bu, receiver);
            EventEnvelope earned = events.earned(Events.newMember(), bu, 10);
            fixture.send(earned);
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.refused() >= 1);
            // the sender records the failure after the receiver refused: the hour is counted from that record, so
            // the clock moves on only once it is there (moved before, the hour would start after the move)
            await().atMost(Duration.ofSeconds(30)).until(() -> failingSince(webhookId));

            clock.advance(Duration.ofMinutes(61));
            await().atMost(Duration.ofSeconds(30)).until(() -> status(webhookId).equals("PAUSED"));
            JsonNode notices = fixture.tree(
                    fixture.get("/api/v1/bu/webhooks/notices", Hooks.bu(bu)).getBody());
            assertThat(notices.get("items").get(0).get("kind").asString()).isEqualTo("ENDPOINT_PAUSED_FAILING");
            assertThat(notices.get("items").get(0).get("webhookId").asString()).isEqualTo(webhookId);
            assertThat(fixture.tree(fixture.get("/api/v1/bu/webhooks", Hooks.bu(bu))
                                    .getBody())
                            .get("items")
                            .get(0)
                            .get("pausedReason")
                            .asString())
                    .isEqualTo("FAILING");

            clock.advance(Duration.ofHours(24));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> deadLetters(webhookId).size() == 1);
            assertThat(deadLetters(webhookId).get(0).get("eventId").asString())
                    .isEqualTo(earned.eventId().toString());

            receiver.up();
            var resumed = http().post("/api/v1/bu/webhooks/" + webhookId + "/resume", Hooks.bu(bu), null);
            assertThat(resumed.getStatusCode().value()).as(resumed.getBody()).isEqualTo(200);
            var replayed = http().post(
                            "/api/v1/admin/webhooks/dead-letters/replay",
                            TestTokens.admin(),
                            "{\"webhookId\":\"" + webhookId + "\"}");
            assertThat(fixture.tree(replayed.getBody()).get("replayed").asInt()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.eventIds().size() == 1);
            assertThat(receiver.eventIds()).containsExactly(earned.eventId().toString());
            assertThat(deadLetters(webhookId)).isEmpty();
        }
    }

    private String register(String bu, Receiver receiver) {
        var created = http().post(
                        "/api/v1/bu/webhooks",
                        Hooks.bu(bu),
                        "{\"url\":\"" + receiver.url() + "\",\"events\":" + ALL_EVENTS + "}");
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        JsonNode body = fixture.tree(created.getBody());
        receiver.secret(body.get("secret").asString());
        return body.get("webhookId").asString();
    }

    private List<JsonNode> deadLetters(String webhookId) {
        JsonNode page = fixture.tree(
                fixture.get("/api/v1/admin/webhooks/dead-letters?webhookId=" + webhookId, TestTokens.admin())
                        .getBody());
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }

    private long pending(String webhookId) {
        return fixture.jdbc()
                .sql("SELECT COUNT(*) FROM webhook_delivery WHERE webhook_id = ? AND status = 'PENDING'")
                .param(webhookId)
                .query(Long.class)
                .single();
    }

    private boolean failingSince(String webhookId) {
        return fixture.jdbc()
                        .sql("SELECT COUNT(*) FROM webhook_endpoint WHERE webhook_id = ? AND failing_since IS NOT NULL")
                        .param(webhookId)
                        .query(Long.class)
                        .single()
                == 1;
    }

    private String status(String webhookId) {
        return fixture.jdbc()
                .sql("SELECT status FROM webhook_endpoint WHERE webhook_id = ?")
                .param(webhookId)
                .query(String.class)
                .single();
    }

    private TestHttp http() {
        return TestHttp.to(environment);
    }

    static List<EventEnvelope> concat(List<EventEnvelope> a, List<EventEnvelope> b) {
        List<EventEnvelope> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static List<String> ids(List<EventEnvelope> envelopes) {
        return envelopes.stream().map(e -> e.eventId().toString()).toList();
    }

    static Map<String, List<String>> byMember(List<EventEnvelope> envelopes) {
        Map<String, List<String>> byMember = new LinkedHashMap<>();
        for (EventEnvelope e : envelopes) {
            byMember.computeIfAbsent(e.memberId() + "/" + e.topic(), m -> new ArrayList<>())
                    .add(e.eventId().toString());
        }
        return byMember;
    }
}
