package io.unimember.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Orders a BU inside the group reports on {@code bu.orders.v1}, produced in the background at a steady pace, keyed
 * by member, ids {@code <run>-<member index>-<n>}, round robin over the members. It goes on while {@code more} says
 * so (given the count produced), never past {@code max}.
 */
final class OrderStream implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaProducer<String, String> producer;
    private final AtomicInteger produced = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread thread;

    OrderStream(
            String bootstrapServers,
            String run,
            String bu,
            List<String> members,
            long amountFen,
            int perSecond,
            int max,
            IntPredicate more) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
        long nanosPerOrder = 1_000_000_000L / perSecond;
        thread = Thread.ofPlatform().name("order-stream-" + run).start(() -> {
            long start = System.nanoTime();
            while (!stopped.get() && produced.get() < max && more.test(produced.get())) {
                int n = produced.get();
                String member = members.get(n % members.size());
                String orderId = run + "-" + (n % members.size()) + "-" + (n / members.size());
                producer.send(new ProducerRecord<>("bu.orders.v1", member, envelope(member, bu, orderId, amountFen)));
                produced.incrementAndGet();
                long due = start + (n + 1) * nanosPerOrder;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Pause.of(Duration.ofNanos(wait));
                }
            }
            producer.flush();
        });
    }

    int produced() {
        return produced.get();
    }

    /** Waits until the stream has ended by itself (bounded), then answers how many orders it produced. */
    int awaitEnd(Duration atMost) throws InterruptedException {
        if (!thread.join(atMost)) {
            stopped.set(true);
            thread.join();
            throw new AssertionError("the order stream did not end within " + atMost);
        }
        return produced.get();
    }

    /** The envelope of {@code bu.order.reported}, as common's EventEnvelope writes it. */
    private static String envelope(String member, String bu, String orderId, long amountFen) {
        String now = Instant.now().toString();
        ObjectNode data = JSON.createObjectNode()
                .put("memberId", member)
                .put("bu", bu)
                .put("orderId", orderId)
                .put("amountFen", amountFen)
                .put("occurredAt", now);
        ObjectNode envelope = JSON.createObjectNode()
                .put("eventId", UUID.randomUUID().toString())
                .put("type", "bu.order.reported")
                .put("occurredAt", now)
                .put("memberId", member)
                .put("source", "e2e")
                .put("version", 1);
        envelope.set("data", data);
        return JSON.writeValueAsString(envelope);
    }

    @Override
    public void close() throws InterruptedException {
        stopped.set(true);
        thread.join();
        producer.close(Duration.ofSeconds(5));
    }
}
