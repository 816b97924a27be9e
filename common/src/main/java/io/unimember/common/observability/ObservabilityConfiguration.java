package io.unimember.common.observability;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;

/** Metrics and health every service reports the same way (see deploy/README.md for the names dashboards use). */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
public class ObservabilityConfiguration {

    @Bean
    @ConditionalOnBean(MeterRegistry.class)
    OutboxBacklog outboxBacklog(JdbcClient jdbc, MeterRegistry registry) {
        return new OutboxBacklog(jdbc, registry);
    }

    @Bean
    @ConditionalOnBean({MeterRegistry.class, KafkaListenerEndpointRegistry.class})
    ConsumerLag consumerLag(KafkaListenerEndpointRegistry listeners, MeterRegistry registry) {
        return new ConsumerLag(listeners, registry);
    }

    @Bean(name = "kafkaHealthIndicator")
    @ConditionalOnBean(KafkaAdmin.class)
    KafkaHealth kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealth(admin, Duration.ofSeconds(2));
    }
}
