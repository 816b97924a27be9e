package io.unimember.points.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.unimember.common.events.BuOrderReported;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.points.Api;
import io.unimember.points.LedgerQueries;
import io.unimember.points.PointsIntegrationTest;
import io.unimember.testsupport.TestKafka;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** {@code unimember.orders} and {@code unimember.points.earned}: one per accepted order, never for a replay. */
@PointsIntegrationTest
class OrderMetricsTests {

    @Autowired
    Api api;

    @Autowired
    MeterRegistry registry;

    @Autowired
    OrderMetrics metrics;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventCodec codec;

    @Autowired
    JsonMapper json;

    @Test
    void anOrderThroughRestCountsOnceAndItsReplayNotAtAll() {
        double orders = count("unimember.orders", "HOTEL");
        double earned = count("unimember.points.earned", "HOTEL");
        String member = Api.newMember();
        String orderId = Api.newId("o");

        var body = api.orderBody(member, orderId, 12_345, Instant.now().minusSeconds(60));

        Api.Reply first = api.post("/api/v1/bu/orders", TestTokens.bu("HOTEL"), body);
        Api.Reply replay = api.post("/api/v1/bu/orders", TestTokens.bu("HOTEL"), body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.raw()).isEqualTo(first.raw());
        assertThat(count("unimember.orders", "HOTEL") - orders).isEqualTo(1);
        assertThat(count("unimember.points.earned", "HOTEL") - earned).isEqualTo(123);
    }

    @Test
    void anOrderFromKafkaCountsOnceHoweverOftenItIsDelivered() {
        double orders = count("unimember.orders", "RETAIL");
        double earned = count("unimember.points.earned", "RETAIL");
        String member = Api.newMember();
        String orderId = Api.newId("o");
        var reported = new BuOrderReported(member, "RETAIL", orderId, 15_000, Instant.now(), null);
        String envelope = codec.toJson(EventEnvelope.wrap(reported, "test", Instant.now(), json));

        TestKafka.send(Topics.BU_ORDERS, member, envelope);
        TestKafka.send(Topics.BU_ORDERS, member, envelope);
        TestKafka.send(
                Topics.BU_ORDERS, member, codec.toJson(EventEnvelope.wrap(reported, "test", Instant.now(), json)));
        // one member's records stay in order: once this one is in, the three before it were handled
        String marker = Api.newId("o");
        TestKafka.send(
                Topics.BU_ORDERS,
                member,
                codec.toJson(EventEnvelope.wrap(
                        new BuOrderReported(member, "RETAIL", marker, 100, Instant.now(), null),
                        "test",
                        Instant.now(),
                        json)));

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        LedgerQueries.count(jdbc, "SELECT COUNT(*) FROM bu_order WHERE order_id = ?", marker) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("unimember.orders", "RETAIL") - orders >= 2);
        assertThat(count("unimember.orders", "RETAIL") - orders).isEqualTo(2);
        assertThat(count("unimember.points.earned", "RETAIL") - earned).isEqualTo(150 + 1);
    }

    @Test
    void workThatRollsBackIsNeverCounted() {
        double before = count("unimember.orders", "TRAVEL");

        tx.executeWithoutResult(status -> {
            metrics.accepted("TRAVEL", 10);
            status.setRollbackOnly();
        });
        assertThat(count("unimember.orders", "TRAVEL")).isEqualTo(before);

        tx.executeWithoutResult(status -> metrics.accepted("TRAVEL", 10));
        assertThat(count("unimember.orders", "TRAVEL") - before).isEqualTo(1);
    }

    @Test
    void theCountersAreOnThePrometheusEndpointWithTheirBusinessUnit() {
        api.order("HEALTH", Api.newMember(), Api.newId("o"), 5_000);

        String scrape = api.get("/actuator/prometheus", null).raw();

        assertThat(sample(scrape, "unimember_orders_total", "HEALTH")).isEqualTo(count("unimember.orders", "HEALTH"));
        assertThat(sample(scrape, "unimember_points_earned_total", "HEALTH"))
                .isEqualTo(count("unimember.points.earned", "HEALTH"))
                .isGreaterThanOrEqualTo(50);
    }

    private double count(String name, String bu) {
        Counter counter = registry.find(name).tag("bu", bu).counter();
        return counter == null ? 0 : counter.count();
    }

    static double sample(String scrape, String metric, String bu) {
        Matcher m = Pattern.compile("(?m)^" + metric + "\\{([^}]*)\\} (\\S+)$").matcher(scrape);
        while (m.find()) {
            if (m.group(1).contains("bu=\"" + bu + "\"") && m.group(1).contains("application=\"points-service\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError(metric + "{bu=" + bu + "} is not in the scrape");
    }
}
