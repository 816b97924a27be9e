package io.unimember.common.observability;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Whether the Kafka cluster answers. Shown in {@code /actuator/health} but kept out of readiness on purpose: with
 * Kafka away a service still takes writes (the outbox holds the events), so it should keep receiving traffic.
 */
public class KafkaHealth implements HealthIndicator, AutoCloseable {

    private final AdminClient admin;
    private final Duration timeout;

    public KafkaHealth(KafkaAdmin kafkaAdmin, Duration timeout) {
        Map<String, Object> config = new java.util.HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put("request.timeout.ms", (int) timeout.toMillis());
        config.put("default.api.timeout.ms", (int) timeout.toMillis());
        this.admin = AdminClient.create(config);
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        try {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .size();
            return Health.up().withDetail("nodes", nodes).build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Health.down()
                    .withDetail("error", e.getClass().getSimpleName())
                    .build();
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
