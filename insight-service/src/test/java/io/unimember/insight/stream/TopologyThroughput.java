package io.unimember.insight.stream;

import io.unimember.common.events.Topics;
import io.unimember.insight.InsightProperties;
import io.unimember.insight.expressions.Expressions;
import io.unimember.insight.members.MemberState;
import io.unimember.insight.members.MemberStateCodec;
import io.unimember.insight.members.RfmRegistry;
import io.unimember.insight.segments.SegmentCatalog;
import io.unimember.insight.tags.TagCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The topology alone, without a broker: N envelopes of a realistic mix (half orders, a third points balances, the
 * rest coupons, tiers and registrations) for M members over a year, with two rule tags and a segment, through
 * TopologyTestDriver (the real RocksDB stores). Prints events per second and the members' state bytes.
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
        for (String arg : args) {
            if (arg.startsWith("events=")) {
                events = Integer.parseInt(arg.substring(7));
            } else if (arg.startsWith("members=")) {
                members = Integer.parseInt(arg.substring(8));
            }
        }
        // a warm-up run lets the JIT compile the path, then the measured one
        run(Math.min(events, 100_000), members);
        System.out.println(run(events, members));
    }

    public static Result run(int eventCount, int memberCount) {
        List<String> topics = new ArrayList<>();
        Random random = new Random(42);
        Instant start = Instant.parse("2026-01-01T02:00:00Z");
        long spanSeconds = 365L * 86_400;
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
        StreamsBuilder builder = new StreamsBuilder();
        InsightTopology.build(builder, InsightProperties.defaults(), tags, segments, new RfmRegistry());
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "insight-throughput");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 8L << 20);
        config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, LeanRocksDb.class);
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
            var serializer = new StringSerializer();
            var inputTopics = new java.util.HashMap<String, TestInputTopic<String, String>>();
            for (String topic : InsightTopology.INPUTS) {
                inputTopics.put(topic, driver.createInputTopic(topic, serializer, serializer));
            }
            long began = System.nanoTime();
            for (int i = 0; i < eventCount; i++) {
                inputTopics.get(topics.get(i)).pipeInput(keys.get(i), inputs.get(i));
                if (i % 10_000 == 0) {
                    driver.advanceWallClockTime(Duration.ofSeconds(1));
                }
            }
            driver.advanceWallClockTime(Duration.ofSeconds(1));
            double seconds = (System.nanoTime() - began) / 1e9;

            KeyValueStore<String, MemberState> store = driver.getKeyValueStore(InsightTopology.MEMBERS_STORE);
            long members = 0;
            long bytes = 0;
            try (KeyValueIterator<String, MemberState> all = store.all()) {
                while (all.hasNext()) {
                    KeyValue<String, MemberState> kv = all.next();
                    members++;
                    bytes += kv.key.length() + MemberStateCodec.write(kv.value).length;
                }
            }
            return new Result(eventCount, seconds, eventCount / seconds, members, (double) bytes / members);
        }
    }
}
