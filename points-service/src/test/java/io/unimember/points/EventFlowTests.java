package io.unimember.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.BuOrderReported;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.TierChanged;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Events out through the outbox, events in exactly once: points.earned on Kafka, tier.changed and orders twice. */
@PointsIntegrationTest
class EventFlowTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    EventCodec codec;

    @Autowired
    JsonMapper json;

    @Test
    void anOrderIsPublishedThroughTheOutboxKeyedByMember() {
        String member = Api.newMember();
        String orderId = Api.newId("o");

        api.order("DINE_IN", member, orderId, 8_800);

        List<ConsumerRecord<String, String>> earned =
                TestKafka.recordsOf(Topics.POINTS, "points.earned", orderId, 1, WAIT);
        List<ConsumerRecord<String, String>> completed =
                TestKafka.recordsOf(Topics.ORDER, "order.completed", orderId, 1, WAIT);
        assertThat(earned).hasSize(1);
        assertThat(completed).hasSize(1);
        assertThat(earned.getFirst().key()).isEqualTo(member);
        JsonNode envelope = json.readTree(earned.getFirst().value());
        assertThat(envelope.path("source").asString()).isEqualTo("points-service");
        JsonNode data = envelope.path("data");
        assertThat(data.path("points").asLong()).isEqualTo(88);
        assertThat(data.path("bu").asString()).isEqualTo("DINE_IN");
        assertThat(data.path("balance").path("available").asLong()).isEqualTo(88);
        assertThat(data.path("balance").path("version").asLong()).isEqualTo(1);
        assertThat(data.path("balance").path("expiring").get(0).path("points").asLong())
                .isEqualTo(88);
        assertThat(json.readTree(completed.getFirst().value())
                        .path("data")
                        .path("pointsEarned")
                        .asLong())
                .isEqualTo(88);
    }

    @Test
    void aTierChangeDeliveredTwiceIsAppliedOnceAndAnOlderOneIsIgnored() {
        String member = Api.newMember();
        EventEnvelope gold = envelope(tierChanged(member, "GOLD", "1.2", 5));

        TestKafka.send(Topics.TIER, member, codec.toJson(gold));
        TestKafka.send(Topics.TIER, member, codec.toJson(gold));
        EventEnvelope stale = envelope(tierChanged(member, "SILVER", "1.0", 3));
        TestKafka.send(Topics.TIER, member, codec.toJson(stale));

        await().atMost(WAIT).until(() -> processed(stale) == 1);
        assertThat(processed(gold)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT points_multiplier FROM member_tier WHERE member_id = ?")
                        .param(member)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("1.2");
        assertThat(api.order("HOTEL", member, Api.newId("o"), 10_000).number("pointsEarned"))
                .isEqualTo(120);
    }

    @Test
    void anOrderReportedOnKafkaTwiceCountsOnce() {
        String member = Api.newMember();
        String orderId = Api.newId("o");
        var reported = new BuOrderReported(member, "RETAIL", orderId, 15_000, Instant.now(), "grocery");
        String first = codec.toJson(envelope(reported));

        TestKafka.send(Topics.BU_ORDERS, member, first);
        TestKafka.send(Topics.BU_ORDERS, member, first); // the same envelope again
        TestKafka.send(Topics.BU_ORDERS, member, codec.toJson(envelope(reported))); // same order, new event id
        // the same member's records stay in order: once this marker is in, the duplicates were handled
        String marker = Api.newId("o");
        TestKafka.send(
                Topics.BU_ORDERS,
                member,
                codec.toJson(envelope(new BuOrderReported(member, "RETAIL", marker, 100, Instant.now(), null))));

        await().atMost(WAIT).until(() -> orders(marker) == 1);
        assertThat(orders(orderId)).isEqualTo(1);
        assertThat(api.me(member).number("available")).isEqualTo(151);
        // every copy was handled; once the outbox holds nothing of the order's, the topic holds all there will be
        io.unimember.testsupport.TestOutbox.awaitSent(dataSource, orderId);
        assertThat(TestKafka.recordsOfUpToNow(Topics.ORDER, "order.completed", orderId))
                .hasSize(1);
        // the same order through REST is the same order: answered from the first time, nothing earned twice
        Api.Reply rest = api.post(
                "/api/v1/bu/orders",
                io.unimember.testsupport.TestTokens.bu("RETAIL"),
                java.util.Map.of(
                        "orderId",
                        orderId,
                        "memberId",
                        member,
                        "amountFen",
                        15_000,
                        "occurredAt",
                        reported.occurredAt().toString(),
                        "category",
                        "grocery"));
        assertThat(rest.status()).isEqualTo(201);
        assertThat(rest.number("pointsEarned")).isEqualTo(150);
        assertThat(api.me(member).number("available")).isEqualTo(151);
    }

    @Test
    void anOrderThatCanNeverBeAcceptedGoesToTheDeadLetterTopic() {
        String member = Api.newMember();
        String orderId = Api.newId("poison");
        TestKafka.send(
                Topics.BU_ORDERS,
                member,
                codec.toJson(envelope(new BuOrderReported(member, "NO_SUCH_BU", orderId, 100, Instant.now(), null))));

        assertThat(TestKafka.records(Topics.deadLetter(Topics.BU_ORDERS), v -> v.contains(orderId), 1, WAIT))
                .hasSize(1);
        assertThat(orders(orderId)).isZero();
    }

    private EventEnvelope envelope(io.unimember.common.events.DomainEvent event) {
        return EventEnvelope.wrap(event, "test", Instant.now(), json);
    }

    private static TierChanged tierChanged(String member, String tier, String multiplier, long version) {
        return new TierChanged(member, "REGULAR", tier, "UPGRADE", 2_500, tier, null, 0, multiplier, 5, null, version);
    }

    private long processed(EventEnvelope event) {
        return LedgerQueries.count(
                jdbc,
                "SELECT COUNT(*) FROM processed_event WHERE event_id = ?",
                event.eventId().toString());
    }

    private long orders(String orderId) {
        return LedgerQueries.count(jdbc, "SELECT COUNT(*) FROM bu_order WHERE order_id = ?", orderId);
    }

    /** Reading Kafka for one event type about one id. */
    static final class TestKafka {

        static void send(String topic, String key, String value) {
            io.unimember.testsupport.TestKafka.send(topic, key, value);
        }

        static List<ConsumerRecord<String, String>> records(
                String topic, java.util.function.Predicate<String> match, int atLeast, Duration wait) {
            return io.unimember.testsupport.TestKafka.records(topic, match, atLeast, wait);
        }

        static List<ConsumerRecord<String, String>> recordsOf(
                String topic, String type, String id, int atLeast, Duration wait) {
            return records(topic, v -> v.contains("\"type\":\"" + type + "\"") && v.contains(id), atLeast, wait);
        }

        /** As the topic stands now: for "exactly one" once nothing more can be on its way. */
        static List<ConsumerRecord<String, String>> recordsOfUpToNow(String topic, String type, String id) {
            return io.unimember.testsupport.TestKafka.recordsUpToNow(
                    topic, v -> v.contains("\"type\":\"" + type + "\"") && v.contains(id));
        }
    }
}
