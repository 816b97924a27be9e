package io.unimember.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./platform bench scenario=consumers}: each topic in turn is filled with {@code events} events (100,000 by
 * default) as its producing service would publish them, and every consumer group that reads it is timed until it has
 * applied them all: events applied per second per group, so that a regression points at one service. The groups of a
 * topic drain side by side (as in production), and what one applies may make events for another topic (tier-service
 * turns orders into growth events): those are applied meanwhile and counted for their own topic's groups only.
 */
final class ConsumersBench {

    /** A topic, the events to fill it with (i → JSON envelope, keyed by member), and the groups that read it. */
    record Load(String topic, List<String> groups, IntFunction<String[]> event) {}

    record Result(String topic, String group, long events, Duration took) {

        String line() {
            return String.format(
                    Locale.ROOT,
                    "| %s | %s | %,d | %s | %s |",
                    topic,
                    group,
                    events,
                    took == null
                            ? "not within the patience"
                            : String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0),
                    took == null ? "—" : String.format(Locale.ROOT, "%,.0f", events / (took.toMillis() / 1000.0)));
        }
    }

    static final String HEADER = "| topic | consumer group | events | applied in | events/s |\n|---|---|---|---|---|\n";

    private final String bootstrap;
    private final int events;
    private final int members;
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    ConsumersBench(String bootstrap, int events, int members) {
        this.bootstrap = bootstrap;
        this.events = events;
        this.members = members;
    }

    List<Load> loads() {
        String now = Instant.now().toString();
        return List.of(
                new Load(
                        "order.events.v1",
                        List.of("tier-service", "coupon-service"),
                        i -> envelope(
                                "order.completed",
                                member(i),
                                "{\"memberId\":\"" + member(i) + "\",\"bu\":\"DINE_IN\",\"orderId\":\"cb-" + run + "-"
                                        + i
                                        + "\",\"amountFen\":" + (1_000 + Math.floorMod(i * 104_729, 49_000))
                                        + ",\"category\":\"bench\",\"occurredAt\":\"" + now + "\",\"pointsEarned\":10}",
                                now)),
                new Load(
                        "points.events.v1",
                        List.of("member-service", "settlement-service.journal", "settlement-service.reconciliation"),
                        i -> envelope(
                                "points.earned",
                                member(i),
                                "{\"memberId\":\"" + member(i) + "\",\"transferId\":\"t-" + run + "-" + i
                                        + "\",\"bu\":\"DINE_IN\",\"orderId\":\"cb-" + run + "-" + i
                                        + "\",\"points\":10,\"capped\":false,\"expiresAt\":\"2030-01-01T00:00:00Z\","
                                        + "\"balance\":{\"available\":" + (10L * (i / members + 1))
                                        + ",\"frozen\":0,\"lifetimeEarned\":" + (10L * (i / members + 1))
                                        + ",\"version\":" + (i / members + 1) + ",\"expiring\":[]}}",
                                now)),
                new Load(
                        "tier.events.v1",
                        List.of("member-service", "points-service", "coupon-service"),
                        i -> envelope(
                                "tier.growth.changed",
                                member(i),
                                "{\"memberId\":\"" + member(i) + "\",\"tier\":\"REGULAR\",\"growth\":"
                                        + (i / members + 1)
                                        + ",\"nextTier\":\"SILVER\",\"growthToNext\":1000,\"version\":"
                                        + (i / members + 1) + "}",
                                now)));
    }

    List<Result> run(Duration patience) throws Exception {
        List<Result> results = new ArrayList<>();
        try (ConsumerLag lag = new ConsumerLag(bootstrap);
                KafkaProducer<String, String> producer = producer()) {
            for (Load load : loads()) {
                log("%s: %,d events for %s", load.topic(), events, load.groups());
                long start = System.nanoTime();
                for (int i = 0; i < events; i++) {
                    String[] keyAndValue = load.event().apply(i);
                    producer.send(new ProducerRecord<>(load.topic(), keyAndValue[0], keyAndValue[1]));
                }
                producer.flush();
                log("  produced in %.1f s", (System.nanoTime() - start) / 1e9);
                Map<String, Duration> done = new LinkedHashMap<>();
                while (done.size() < load.groups().size() && System.nanoTime() - start < patience.toNanos()) {
                    for (String group : load.groups()) {
                        if (!done.containsKey(group) && lag.lag(group, load.topic()) <= 0) {
                            done.put(group, Duration.ofNanos(System.nanoTime() - start));
                            log(
                                    "  %s applied them in %.1f s",
                                    group, done.get(group).toMillis() / 1000.0);
                        }
                    }
                    Thread.sleep(200);
                }
                for (String group : load.groups()) {
                    results.add(new Result(load.topic(), group, events, done.get(group)));
                }
                // let the chain the events started (growth events of tier-service, …) settle before the next topic
                lag.awaitCaughtUp(0, patience);
            }
        }
        return results;
    }

    private String member(int i) {
        return "cb-" + run + "-" + Math.floorMod(i * 7919, members);
    }

    private static String[] envelope(String type, String memberId, String data, String occurredAt) {
        return new String[] {
            memberId,
            "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + occurredAt
                    + "\",\"memberId\":\"" + memberId + "\",\"source\":\"bench\",\"version\":1,\"data\":" + data + "}"
        };
    }

    private KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, TimeUnit.SECONDS.toMillis(30));
        return new KafkaProducer<>(p);
    }

    private static void log(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
    }
}
