package io.unimember.common.observability;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Runs before Kafka's auto-configuration, so its {@code kafkaProducerListener} is ours ({@link KafkaSendFailures}). */
@AutoConfiguration(beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
public class KafkaSendFailuresConfiguration {

    @Bean
    KafkaSendFailures kafkaProducerListener(ObjectProvider<MeterRegistry> meters) {
        return new KafkaSendFailures(meters.getIfAvailable());
    }
}
