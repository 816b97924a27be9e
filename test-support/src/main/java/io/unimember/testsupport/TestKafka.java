package io.unimember.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes raw records on the test broker: to see what a service published, or to deliver twice. */
public final class TestKafka {

    private TestKafka() {}

    /** Sends a record and waits for the broker to accept it. */
    /** One record as a batch listener receives it, for calling a listener without a broker. */
    public static List<ConsumerRecord<String, String>> batchOf(String topic, String key, String value) {
        return List.of(new ConsumerRecord<>(topic, 0, 0L, key, value));
    }

    public static void send(String topic, String key, String value) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /** Every record on the topic whose value matches, read from the beginning until {@code wait} passes. */
    public static List<ConsumerRecord<String, String>> records(
            String topic, Predicate<String> valueMatches, int atLeast, Duration wait) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = reader(TestInfrastructure.get().kafkaBootstrapServers())) {
            fromTheBeginning(consumer, topic);
            Instant deadline = Instant.now().plus(wait);
            while (Instant.now().isBefore(deadline) && found.size() < atLeast) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (valueMatches.test(record.value())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /**
     * Every record on the test broker's topic whose value matches, as the topic stands when called (read from the
     * beginning up to its end offsets): no waiting for more. For "exactly one" or "none" once something proves nothing
     * more is on its way ({@link TestOutbox#awaitSent}, a consumer caught up).
     */
    public static List<ConsumerRecord<String, String>> recordsUpToNow(String topic, Predicate<String> valueMatches) {
        return upToNow(TestInfrastructure.get().kafkaBootstrapServers(), topic, valueMatches);
    }

    /**
     * Every value on the topic of the broker at {@code bootstrapServers} that matches: the whole topic as it stands
     * when called, read from the beginning up to its end offsets (failing if that takes over a minute). For a broker other than
     * the test one, such as a whole platform's.
     */
    public static List<String> valuesUpToNow(String bootstrapServers, String topic, Predicate<String> valueMatches) {
        return upToNow(bootstrapServers, topic, valueMatches).stream()
                .map(ConsumerRecord::value)
                .toList();
    }

    private static List<ConsumerRecord<String, String>> upToNow(
            String bootstrapServers, String topic, Predicate<String> valueMatches) {
        List<ConsumerRecord<String, String>> values = new ArrayList<>();
        try (var consumer = reader(bootstrapServers)) {
            List<TopicPartition> partitions = fromTheBeginning(consumer, topic);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
            while (Instant.now().isBefore(deadline)
                    && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (valueMatches.test(record.value())) {
                        values.add(record);
                    }
                }
            }
            // a part of the topic left unread would make "none" or "exactly one" pass for the wrong reason
            if (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                throw new IllegalStateException("could not read " + topic + " up to its end within a minute");
            }
        }
        return values;
    }

    private static KafkaConsumer<String, String> reader(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false));
    }

    /** Assigns every partition of the topic to the consumer, positioned at its beginning. */
    private static List<TopicPartition> fromTheBeginning(KafkaConsumer<String, String> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }
}
