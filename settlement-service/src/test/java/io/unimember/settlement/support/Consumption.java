package io.unimember.settlement.support;

import static org.awaitility.Awaitility.await;

import io.unimember.common.events.Topics;
import io.unimember.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until settlement's consumer groups have committed everything on the redemption topics: the way to know a
 * redelivered event (which changes nothing to wait for) was handled.
 */
public final class Consumption {

    public static final List<String> GROUPS =
            List.of("settlement-service.journal", "settlement-service.reconciliation");
    private static final List<String> TOPICS = List.of(Topics.COUPON, Topics.POINTS);

    private Consumption() {}

    public static void awaitAllConsumed() {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        for (String group : GROUPS) {
                            if (lag(admin, group) != 0) {
                                return false;
                            }
                        }
                        return true;
                    });
        }
    }

    private static long lag(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(TOPICS).allTopicNames().get().forEach((topic, description) -> description
                .partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        var ends = admin.listOffsets(latest).all().get();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        long lag = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }
}
