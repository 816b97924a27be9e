package io.unimember.settlement.support;

import static org.awaitility.Awaitility.await;

import io.unimember.common.events.CouponRedeemed;
import io.unimember.common.events.DomainEvent;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.PointsBalance;
import io.unimember.common.events.PointsRedeemed;
import io.unimember.common.events.SpentLot;
import io.unimember.common.inbox.EventCodec;
import io.unimember.settlement.periods.PeriodKey;
import io.unimember.testsupport.TestClock;
import io.unimember.testsupport.TestHttp;
import io.unimember.testsupport.TestInfrastructure;
import io.unimember.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Redemption events as the producing services send them, delivery to Kafka, and calls to the service's API. */
public class Fixture {

    private final JsonMapper mapper;
    private final EventCodec codec;
    private final JdbcClient jdbc;
    private final TestHttp http;
    private final TestClock clock;

    Fixture(JsonMapper mapper, EventCodec codec, JdbcClient jdbc, Environment environment, TestClock clock) {
        this.mapper = mapper;
        this.codec = codec;
        this.jdbc = jdbc;
        this.http = TestHttp.to(environment);
        this.clock = clock;
    }

    /** A price version to set: from {@code effectiveFrom} on, {@code fromBu} owes {@code toBu} {@code rateBp}. */
    public record Price(String benefitType, String fromBu, String toBu, int rateBp, Instant effectiveFrom) {}

    /**
     * Sets price versions that apply only within {@code month}: each pair returns to 100% when the month ends, so
     * no other test's month sees them. Prices are never retroactive, so this sets them "before" the month by
     * turning the clock back while it does.
     */
    public void pricesWithin(PeriodKey month, List<Price> prices) {
        List<Price> all = new ArrayList<>(prices);
        prices.stream()
                .map(p -> new Price(p.benefitType(), p.fromBu(), p.toBu(), 10_000, month.end(TestMonths.SHANGHAI)))
                .distinct()
                .forEach(all::add);
        StringBuilder body = new StringBuilder("{\"prices\":[");
        for (int i = 0; i < all.size(); i++) {
            Price p = all.get(i);
            body.append(i == 0 ? "" : ",")
                    .append(
                            "{\"benefitType\":\"%s\",\"fromBu\":\"%s\",\"toBu\":\"%s\",\"rateBp\":%d,\"effectiveFrom\":\"%s\"}"
                                    .formatted(p.benefitType(), p.fromBu(), p.toBu(), p.rateBp(), p.effectiveFrom()));
        }
        body.append("]}");
        // nothing may be consumed while the clock is turned back: a listener would see today's events as future
        Consumption.awaitAllConsumed();
        clock.set(month.start(TestMonths.SHANGHAI).minus(Duration.ofDays(1)));
        try {
            var response = put("/api/v1/admin/settlement/prices", TestTokens.admin(), body.toString());
            if (response.getStatusCode().value() != 200) {
                throw new IllegalStateException("could not set prices: " + response.getBody());
            }
        } finally {
            clock.reset();
        }
    }

    public EventEnvelope coupon(String fundingBu, String redeemingBu, long discountFen, Instant redeemedAt) {
        String member = "m-" + UUID.randomUUID();
        return wrap(
                new CouponRedeemed(
                        member,
                        "c-" + UUID.randomUUID(),
                        "t-1",
                        fundingBu,
                        redeemingBu,
                        discountFen,
                        "o-" + UUID.randomUUID(),
                        redeemedAt),
                "coupon-service",
                redeemedAt);
    }

    public EventEnvelope points(String spendingBu, Instant redeemedAt, SpentLot... lots) {
        long total = Arrays.stream(lots).mapToLong(SpentLot::points).sum();
        return pointsClaiming(spendingBu, total, redeemedAt, lots);
    }

    /** A points redemption whose stated total may disagree with its lots. */
    public EventEnvelope pointsClaiming(String spendingBu, long points, Instant redeemedAt, SpentLot... lots) {
        String member = "m-" + UUID.randomUUID();
        return wrap(
                new PointsRedeemed(
                        member,
                        "h-" + UUID.randomUUID(),
                        "tr-" + UUID.randomUUID(),
                        spendingBu,
                        "o-" + UUID.randomUUID(),
                        points,
                        List.of(lots),
                        redeemedAt,
                        new PointsBalance(0, 0, points, 2, List.of())),
                "points-service",
                redeemedAt);
    }

    public EventEnvelope wrap(DomainEvent event, String source, Instant occurredAt) {
        return EventEnvelope.wrap(event, source, occurredAt, mapper);
    }

    public String json(EventEnvelope envelope) {
        return codec.toJson(envelope);
    }

    /** Delivers the envelopes through one producer, keyed by member as the outbox does. */
    public void send(Collection<EventEnvelope> envelopes) {
        try (var producer = producer()) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (EventEnvelope e : envelopes) {
                sent.add(producer.send(new ProducerRecord<>(e.topic(), e.memberId(), json(e))));
            }
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not deliver events", e);
        }
    }

    public void send(EventEnvelope... envelopes) {
        send(List.of(envelopes));
    }

    /**
     * A member id whose events land on the same partition of {@code topic} as {@code memberId}'s: once one of its
     * events is applied, every event of {@code memberId} sent before it has been read.
     */
    public String onTheSamePartitionAs(String memberId, String topic) {
        try (var producer = producer()) {
            int partitions = producer.partitionsFor(topic).size();
            int partition = BuiltInPartitioner.partitionForKey(memberId.getBytes(StandardCharsets.UTF_8), partitions);
            for (int i = 0; ; i++) {
                String other = memberId + "-after-" + i;
                if (BuiltInPartitioner.partitionForKey(other.getBytes(StandardCharsets.UTF_8), partitions)
                        == partition) {
                    return other;
                }
            }
        }
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.LINGER_MS_CONFIG,
                5));
    }

    /** Waits until the journal posted every one of the events and the tally recorded them. */
    public void awaitPostedAndTallied(Collection<EventEnvelope> envelopes) {
        awaitPosted(envelopes);
        awaitTallied(envelopes);
    }

    public void awaitPostedAndTallied(EventEnvelope... envelopes) {
        awaitPostedAndTallied(List.of(envelopes));
    }

    public void awaitPosted(Collection<EventEnvelope> envelopes) {
        List<String> ids = ids(envelopes);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> count("SELECT COUNT(*) FROM posting WHERE event_id IN (:ids)", ids) == ids.size());
    }

    public void awaitTallied(Collection<EventEnvelope> envelopes) {
        List<String> ids = ids(envelopes);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() ->
                        count("SELECT COUNT(DISTINCT event_id) FROM redemption_report WHERE event_id IN (:ids)", ids)
                                == ids.size());
    }

    public long postingsOf(EventEnvelope envelope) {
        return count(
                "SELECT COUNT(*) FROM posting WHERE event_id IN (:ids)",
                List.of(envelope.eventId().toString()));
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public JsonNode tree(String json) {
        return mapper.readTree(json);
    }

    public ResponseEntity<String> get(String path, String token) {
        return get(path, token, MediaType.APPLICATION_JSON_VALUE);
    }

    public ResponseEntity<String> get(String path, String token, String accept) {
        return http.send(HttpMethod.GET, path, token, null, Map.of(HttpHeaders.ACCEPT, accept));
    }

    public ResponseEntity<String> post(String path, String token) {
        return http.post(path, token, null);
    }

    public ResponseEntity<String> put(String path, String token, String json) {
        return http.put(path, token, json);
    }

    private long count(String sql, List<String> ids) {
        return jdbc.sql(sql).param("ids", ids).query(Long.class).single();
    }

    private static List<String> ids(Collection<EventEnvelope> envelopes) {
        return envelopes.stream().map(e -> e.eventId().toString()).toList();
    }
}
