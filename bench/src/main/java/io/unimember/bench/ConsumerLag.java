package io.unimember.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * How many records the services' consumer groups still have to apply: the end offsets of the topics they read minus
 * what each group committed. Zero for tier-service on {@code order.events.v1} means every accepted order's growth is
 * applied; zero for member-service on the points topic means every member's view shows their points; every group of
 * every service is watched (rewards, the tier projection in points-service, settlement's journal and tally too).
 */
final class ConsumerLag implements AutoCloseable {

    /** group → the topics whose records it must have applied */
    static final Map<String, List<String>> WATCHED = Map.of(
            "tier-service", List.of("order.events.v1", "member.events.v1"),
            "member-service", List.of("points.events.v1", "tier.events.v1", "coupon.events.v1"),
            "coupon-service", List.of("order.events.v1", "tier.events.v1"),
            "points-service", List.of("tier.events.v1"),
            "settlement-service.journal", List.of("coupon.events.v1", "points.events.v1"),
            "settlement-service.reconciliation", List.of("coupon.events.v1", "points.events.v1"));

    private final Admin admin;

    ConsumerLag(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        this.admin = Admin.create(properties);
    }

    /** The sum of a topic's end offsets: how many records were ever published to it. */
    long published(String topic) throws Exception {
        return endOffsets(List.of(topic)).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    private Map<TopicPartition, Long> endOffsets(List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        admin.describeTopics(topics)
                .allTopicNames()
                .get(10, TimeUnit.SECONDS)
                .values()
                .forEach(t -> t.partitions()
                        .forEach(
                                p -> partitions.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(partitions)
                .all()
                .get(10, TimeUnit.SECONDS)
                .forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /** Records not yet applied, per group. */
    Map<String, Long> lag() throws Exception {
        Map<String, Long> lag = new HashMap<>();
        for (var watched : WATCHED.entrySet()) {
            lag.put(watched.getKey(), lag(watched.getKey(), watched.getValue()));
        }
        return lag;
    }

    /** Records of {@code topics} that {@code group} has not applied yet. */
    long lag(String group, String... topics) throws Exception {
        return lag(group, List.of(topics));
    }

    private long lag(String group, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        long behind = 0;
        for (var end : endOffsets(topics).entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            behind += end.getValue() - (done == null ? 0 : done.offset());
        }
        return behind;
    }

    /**
     * Waits until {@code order.events.v1} holds at least {@code orders} records (the outbox published every accepted
     * order's event) and every watched group has applied everything; how long that took, or null after {@code
     * patience}.
     */
    @Nullable
    Duration awaitCaughtUp(long orders, Duration patience) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < patience.toNanos()) {
            if (published("order.events.v1") >= orders
                    && lag().values().stream().allMatch(l -> l <= 0)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(250);
        }
        return null;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
