package io.unimember.settlement.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.EventEnvelope;
import io.unimember.settlement.support.Fixture;
import io.unimember.settlement.support.SettlementIntegrationTest;
import io.unimember.testsupport.TestHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Fan-out capacity, measured, not asserted against a target: {@code events} points events of one BU with
 * {@code endpoints} endpoints, all on one loopback receiver. Phase one measures the consumer writing the
 * deliveries (the event path), with the sender stopped; phase two the sender posting them, signed, and recording
 * the outcomes. Not part of the suite (the name does not end in Tests); run it by hand:
 *
 * <pre>
 * ./mvnw -B -o verify -pl settlement-service -am -Dtest=WebhookFanoutBench -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dspotless.check.skip=true -Dbench.events=5000 -Dbench.endpoints=10
 * </pre>
 */
@SettlementIntegrationTest
class WebhookFanoutBench {

    @Autowired
    Fixture fixture;

    @Autowired
    Environment environment;

    @Autowired
    WebhookSender sender;

    @Test
    void measureDeliveriesPerSecond() throws Exception {
        int eventCount = Integer.getInteger("bench.events", 5_000);
        int endpointCount = Integer.getInteger("bench.endpoints", 10);
        String bu = Hooks.newBu();
        Events events = new Events(fixture);
        try (Receiver receiver = Receiver.counting()) {
            List<String> webhooks = new ArrayList<>();
            for (int i = 0; i < endpointCount; i++) {
                var created = TestHttp.to(environment)
                        .post(
                                "/api/v1/bu/webhooks",
                                Hooks.bu(bu),
                                "{\"url\":\"" + receiver.url() + "?e=" + i + "\",\"events\":[\"points.earned\"]}");
                assertThat(created.getStatusCode().value()).isEqualTo(201);
                webhooks.add(fixture.tree(created.getBody()).get("webhookId").asString());
            }
            List<EventEnvelope> batch = new ArrayList<>(eventCount);
            for (int i = 0; i < eventCount; i++) {
                batch.add(events.earned(Events.newMember(), bu, 10));
            }
            long total = (long) eventCount * endpointCount;

            sender.stop();
            long enqueueStart = System.nanoTime();
            fixture.send(batch);
            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> count(webhooks, "PENDING") == total);
            double enqueueSeconds = (System.nanoTime() - enqueueStart) / 1e9;

            var os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long sendCpu = os.getProcessCpuTime();
            long sendStart = System.nanoTime();
            sender.start();
            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> receiver.acknowledged() >= total);
            double acknowledgedSeconds = (System.nanoTime() - sendStart) / 1e9;
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> count(webhooks, "DELIVERED") == total);
            double recordedSeconds = (System.nanoTime() - sendStart) / 1e9;
            double cpuMicrosPerDelivery = (os.getProcessCpuTime() - sendCpu) / 1e3 / total;

            String report =
                    """
                    webhook fan-out: %d events x %d endpoints = %d deliveries, one loopback receiver
                      consumer writing deliveries (Kafka -> table): %.1f s, %.0f deliveries/s (%.0f events/s)
                      sender, receiver acknowledged all:           %.1f s, %.0f deliveries/s
                      sender, all recorded DELIVERED:              %.1f s, %.0f deliveries/s
                      CPU of this process (sender and receiver) while sending: %.0f µs per delivery (load %.1f)
                    """
                            .formatted(
                                    eventCount,
                                    endpointCount,
                                    total,
                                    enqueueSeconds,
                                    total / enqueueSeconds,
                                    eventCount / enqueueSeconds,
                                    acknowledgedSeconds,
                                    total / acknowledgedSeconds,
                                    recordedSeconds,
                                    total / recordedSeconds,
                                    cpuMicrosPerDelivery,
                                    os.getSystemLoadAverage());
            System.out.println(report);
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "webhook-fanout-bench.txt"), report);
        } finally {
            if (!sender.isRunning()) {
                sender.start();
            }
        }
    }

    private long count(List<String> webhooks, String status) {
        return fixture.jdbc()
                .sql("SELECT COUNT(*) FROM webhook_delivery WHERE webhook_id IN (:ids) AND status = :status")
                .param("ids", webhooks)
                .param("status", status)
                .query(Long.class)
                .single();
    }
}
