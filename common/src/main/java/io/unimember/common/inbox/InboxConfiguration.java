package io.unimember.common.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.unimember.common.config.KafkaEventProperties;
import io.unimember.common.events.Topics;
import java.time.Clock;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Idempotent consumption and dead letters: a listener that throws is retried a bounded number of times, then the
 * record goes to {@code <topic>.dlt} with the exception in its headers, and the partition moves on.
 */
@AutoConfiguration
@EnableConfigurationProperties({KafkaEventProperties.class, InboxProperties.class})
public class InboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(InboxConfiguration.class);

    @Bean
    EventInbox eventInbox(JdbcClient jdbc, JdbcOperations jdbcOperations, Clock clock) {
        return new EventInbox(jdbc, jdbcOperations, clock);
    }

    @Bean
    InboxPruning inboxPruning(JdbcClient jdbc, Clock clock, InboxProperties properties) {
        return new InboxPruning(jdbc, clock, properties);
    }

    @Bean
    EventBatches eventBatches(
            EventCodec codec, EventInbox inbox, TransactionTemplate tx, ObjectProvider<MeterRegistry> meters) {
        return new EventBatches(codec, inbox, tx, meters.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    DefaultErrorHandler kafkaErrorHandler(
            KafkaTemplate<Object, Object> template,
            ObjectProvider<MeterRegistry> registry,
            KafkaEventProperties kafka) {
        var recoverer = new DeadLetterPublishingRecoverer(template, (record, e) -> {
            registry.ifAvailable(r ->
                    r.counter("unimember.dlt.records", "topic", record.topic()).increment());
            log.warn(
                    "event sent to {} after failing: {}",
                    Topics.deadLetter(record.topic()),
                    e.getCause() == null ? e.toString() : e.getCause().toString());
            return new TopicPartition(Topics.deadLetter(record.topic()), -1);
        });
        var handler = new DefaultErrorHandler(
                recoverer,
                new FixedBackOff(kafka.retry().intervalMs(), kafka.retry().attempts()));
        handler.addNotRetryableExceptions(MalformedEventException.class);
        // a batch listener's record sent to the dead-letter topic is committed at once, not with the next batch of
        // its partition (which may never come): the group's lag then says what is really left to apply
        handler.setCommitRecovered(true);
        // The database (or another dependency) being away is no fault of the event: keep retrying, holding the
        // partition, until it returns. Only events that fail for their own sake reach the dead-letter topic.
        handler.setBackOffFunction((record, e) -> TransientFailures.isTransient(e) ? untilRecovered() : null);
        return handler;
    }

    private static ExponentialBackOff untilRecovered() {
        var backOff = new ExponentialBackOff(250, 2);
        backOff.setMaxInterval(5_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }
}
