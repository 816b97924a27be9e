package io.unimember.common.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.ProducerListener;

/**
 * Replaces Spring Kafka's listener that logs every failed send with its stack trace: during a Kafka outage under
 * load that was ~500,000 lines a minute, while the outbox resends each event anyway. This counts failures
 * ({@code unimember.kafka.send.failures{topic}}) and logs one line a minute with the count and the last cause.
 */
public class KafkaSendFailures implements ProducerListener<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(KafkaSendFailures.class);
    private static final long LOG_EVERY_MILLIS = 60_000;

    private final @Nullable MeterRegistry meters;
    private final AtomicLong sinceLastLog = new AtomicLong();
    private volatile long lastLog;

    public KafkaSendFailures(@Nullable MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void onError(ProducerRecord<Object, Object> record, @Nullable RecordMetadata metadata, Exception exception) {
        if (meters != null) {
            Counter.builder("unimember.kafka.send.failures")
                    .description("records the producer could not deliver (the outbox resends their events)")
                    .tag("topic", record.topic())
                    .register(meters)
                    .increment();
        }
        long failures = sinceLastLog.incrementAndGet();
        long now = System.currentTimeMillis();
        if (now - lastLog >= LOG_EVERY_MILLIS) {
            lastLog = now;
            sinceLastLog.set(0);
            log.warn(
                    "Kafka sends failing: {} since the last report (last: {} on {}); the outbox resends their events",
                    failures,
                    exception.toString(),
                    record.topic());
        }
    }
}
