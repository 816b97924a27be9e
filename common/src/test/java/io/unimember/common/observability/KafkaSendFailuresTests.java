package io.unimember.common.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class KafkaSendFailuresTests {

    @Test
    void everyFailureIsCountedButOnlyOneLineIsLoggedAMinute(CapturedOutput output) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        KafkaSendFailures failures = new KafkaSendFailures(meters);

        for (int i = 0; i < 1_000; i++) {
            failures.onError(
                    new ProducerRecord<>(i % 2 == 0 ? "points.events.v1" : "order.events.v1", "k", "v"),
                    null,
                    new TimeoutException("Expiring 1 record(s)"));
        }

        assertThat(meters.get("unimember.kafka.send.failures")
                        .tag("topic", "points.events.v1")
                        .counter()
                        .count())
                .isEqualTo(500);
        assertThat(meters.get("unimember.kafka.send.failures").counters()).hasSize(2);
        assertThat(output.getOut().lines().filter(l -> l.contains("Kafka sends failing")))
                .hasSize(1)
                .first()
                .asString()
                .contains("Expiring 1 record(s)");
        assertThat(output.getOut()).doesNotContain("\tat ");
    }
}
