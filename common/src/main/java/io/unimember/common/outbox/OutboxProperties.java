package io.unimember.common.outbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the transactional outbox sends and resends its events.
 *
 * @param completionThreads the threads that record a send's outcome, off Kafka's network thread
 *     ({@link KafkaExternalizerConfiguration})
 * @param resubmitOlderThan an unsent publication is resent once it is this old ({@link OutboxResubmission})
 * @param resubmitBatchSize publications resent per round at the most
 * @param resubmitMaxInFlight resent publications whose send is still outstanding, at the most
 * @param batchedCompletion sent publications deleted in batches (decision 0013)
 * @param groupedInserts a transaction's publications written with one statement (decision 0021)
 */
@Validated
@ConfigurationProperties("unimember.outbox")
public record OutboxProperties(
        @DefaultValue("4") @Positive int completionThreads,
        @DefaultValue("PT15S") Duration resubmitOlderThan,
        @DefaultValue("500") @Positive int resubmitBatchSize,
        @DefaultValue("1000") @Positive int resubmitMaxInFlight,
        @DefaultValue @Valid BatchedCompletion batchedCompletion,
        @DefaultValue GroupedInserts groupedInserts) {

    /**
     * @param maxBatch completions deleted with one statement at the most
     * @param capacity completions waiting to be deleted at the most; beyond it one is deleted on its own
     */
    public record BatchedCompletion(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("100") @Positive int maxBatch,
            @DefaultValue("100000") @Positive int capacity) {}

    public record GroupedInserts(@DefaultValue("true") boolean enabled) {}
}
