package io.unimember.insight.stream;

import io.unimember.common.events.Topics;
import io.unimember.insight.InsightProperties;
import io.unimember.insight.expressions.Expressions;
import io.unimember.insight.members.MemberState;
import io.unimember.insight.members.MemberStateCodec;
import io.unimember.insight.members.RfmRegistry;
import io.unimember.insight.segments.SegmentCatalog;
import io.unimember.insight.tags.TagCatalog;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The topology alone (no services, no database): N envelopes of a realistic mix (half orders, a third points balances, the
 * rest coupons, tiers and registrations) for M members over a year, with two rule tags and a segment, written to a
 * broker first (an embedded KRaft broker unless {@code bootstrap=} names one), then read by one stream thread over
 * RocksDB with the service's settings. Prints events per second (from the first record processed to the last) and
 * the members' state bytes (key and value as stored). TopologyTestDriver commits, and so flushes RocksDB, after every
 * record: it measures the flush, not the topology.
 *
 * <pre>{@code ./platform bench scenario=insight events=400000 members=50000}</pre>
 */
public final class TopologyThroughput {

    public record Result(
            long events, double seconds, double eventsPerSecond, long members, double stateBytesPerMember) {

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "insight topology: %,d events in %.2f s = %,.0f events/s; %,d members, %.0f state bytes per member",
                    events,
                    seconds,
                    eventsPerSecond,
                    members,
                    stateBytesPerMember);
        }
    }

    private TopologyThroughput() {}

    public static void main(String[] args) {
        int events = 400_000;
        int members = 50_000;
        int days = 30;
        String bootstrap = null;
        for (String arg : args) {
            if (arg.startsWith("events=")) {
                events = Integer.parseInt(arg.substring(7));
            } else if (arg.startsWith("members=")) {
                members = Integer.parseInt(arg.substring(8));
            } else if (arg.startsWith("days=")) {
                days = Integer.parseInt(arg.substring(5));
            } else if (arg.startsWith("bootstrap=")) {
                bootstrap = arg.substring(10);
            }
        }
        EmbeddedKafkaKraftBroker embedded = null;
        if (bootstrap == null) {
            embedded = new EmbeddedKafkaKraftBroker(1, 6);
            embedded.afterPropertiesSet();
            bootstrap = embedded.getBrokersAsString();
        }
        try {
            // a warm-up run lets the JIT compile the path, then the measured one
            run(bootstrap, Math.min(events, 100_000), Math.min(members, 20_000), days);
            System.out.println(run(bootstrap, events, members, days));
        } finally {
            if (embedded != null) {
                embedded.destroy();
            }
        }
    }

    /**
     * Records the stream thread processed: the events, and the few hundred figure records of the second subtopology
     * (one per period a task flushes each second), which the count of events leaves out of the rate.
     */
    private static long sourceRecords(KafkaStreams streams) {
        long sum = 0;
        for (var e : streams.metrics().entrySet()) {
            var name = e.getKey();
            if (name.name().equals("process-total") && name.group().equals("stream-thread-metrics")) {
                sum += ((Number) e.getValue().metricValue()).longValue();
            }
        }
        return sum;
    }

    private static String prefix(String run, String topic) {
        return "bench-" + run + "-" + topic;
    }

    private static String stateDir(String run) {
        try {
            return Files.createTempDirectory("insight-bench-" + run).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** N events over {@code days} days through the topology on the broker at {@code bootstrap}. */
    public static Result run(String bootstrap, int eventCount, int memberCount, int days) {
        List<String> topics = new ArrayList<>();
        Random random = new Random(42);
        Instant start = Instant.parse("2026-01-01T02:00:00Z");
        long spanSeconds = days * 86_400L;
        String[] bus = {"FOOD_DELIVERY", "DINE_IN", "HOTEL", "TRAVEL", "ENTERTAINMENT", "HEALTH", "RETAIL"};
        List<String> inputs = new ArrayList<>(eventCount);
        List<String> keys = new ArrayList<>(eventCount);
        long[] versions = new long[memberCount];
        for (int i = 0; i < eventCount; i++) {
            // time moves forward through the year as the events go by, as the topics would deliver them
            Instant at = start.plusSeconds(spanSeconds * i / eventCount);
            int m = random.nextInt(memberCount);
            String member = "m" + m;
            int kind = random.nextInt(100);
            String topic;
            String json;
            if (kind < 50) {
                topic = Topics.ORDER;
                // each member has one or two favourite BUs
                String bu = bus[(m + (random.nextInt(4) == 0 ? 1 + random.nextInt(6) : 0)) % bus.length];
                json = Envelopes.order(member, bu, "o" + i, 1_000 + random.nextInt(30_000), at);
            } else if (kind < 82) {
                topic = Topics.POINTS;
                json = Envelopes.balance(member, random.nextInt(5_000), ++versions[m], at);
            } else if (kind < 92) {
                topic = Topics.COUPON;
                json = Envelopes.issued(member, "T" + random.nextInt(20), "c" + i, at);
            } else if (kind < 97) {
                topic = Topics.COUPON;
                json = Envelopes.redeemed(member, "T" + random.nextInt(20), "c" + i, 500, at);
            } else if (kind < 99) {
                topic = Topics.TIER;
                json = Envelopes.tier(member, random.nextBoolean() ? "GOLD" : "SILVER", ++versions[m], at);
            } else {
                topic = Topics.MEMBER;
                json = Envelopes.registered(member, at);
            }
            topics.add(topic);
            keys.add(member);
            inputs.add(json);
        }

        TagCatalog tags = new TagCatalog();
        tags.replace(List.of(
                new TagCatalog.RuleTag(
                        "cross_bu_diner", Expressions.rule("orders30(DINE_IN) >= 1 AND orders30(ENTERTAINMENT) >= 1")),
                new TagCatalog.RuleTag("loyal", Expressions.rule("frequency90 >= 3 AND rfm.m >= 4"))));
        SegmentCatalog segments = new SegmentCatalog();
        segments.replace(
                List.of(new SegmentCatalog.SegmentRule("seg_diners", Expressions.segment("cross_bu_diner OR loyal"))));

        String run = UUID.randomUUID().toString().substring(0, 8);
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.LINGER_MS_CONFIG,
                20,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024))) {
            for (int i = 0; i < eventCount; i++) {
                producer.send(new ProducerRecord<>(prefix(run, topics.get(i)), keys.get(i), inputs.get(i)));
            }
            producer.flush();
        }

        StreamsBuilder builder = new StreamsBuilder();
        InsightTopology.build(
                builder, InsightProperties.defaults(), tags, segments, new RfmRegistry(), topic -> prefix(run, topic));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "insight-bench-" + run);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir(run));
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 8L << 20);
        config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, LeanRocksDb.class);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 2000);
        try (KafkaStreams streams = new KafkaStreams(builder.build(), config)) {
            streams.start();
            long began = 0;
            long processed = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (processed < eventCount && System.nanoTime() < deadline) {
                processed = sourceRecords(streams);
                if (began == 0 && processed > 0) {
                    began = System.nanoTime();
                }
                sleep(20);
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            long members = 0;
            long bytes = 0;
            sleep(1500); // the last commit, so the store holds every member
            ReadOnlyKeyValueStore<String, MemberState> store = streams.store(StoreQueryParameters.fromNameAndType(
                    InsightTopology.MEMBERS_STORE, QueryableStoreTypes.keyValueStore()));
            try (KeyValueIterator<String, MemberState> all = store.all()) {
                while (all.hasNext()) {
                    KeyValue<String, MemberState> kv = all.next();
                    members++;
                    bytes += kv.key.length() + MemberStateCodec.write(kv.value).length;
                }
            }
            streams.close(Duration.ofSeconds(10));
            return new Result(eventCount, seconds, eventCount / seconds, members, (double) bytes / members);
        }
    }
}
