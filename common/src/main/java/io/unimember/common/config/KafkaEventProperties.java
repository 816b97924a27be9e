package io.unimember.common.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Kafka side of the events every service exchanges ({@code unimember.kafka.bootstrap-servers} is Spring Kafka's,
 * set in {@code unimember-defaults.yml}).
 *
 * @param partitions the partitions of each topic and dead-letter topic the service creates
 * @param retry how a listener that throws is retried before its record goes to the dead-letter topic
 */
@Validated
@ConfigurationProperties("unimember.kafka")
public record KafkaEventProperties(@DefaultValue("6") @Positive int partitions, @DefaultValue @Valid Retry retry) {

    /**
     * @param attempts retries after the first failure
     * @param intervalMs the pause before each retry, in milliseconds
     */
    public record Retry(
            @DefaultValue("3") @PositiveOrZero long attempts, @DefaultValue("200") @PositiveOrZero long intervalMs) {}
}
