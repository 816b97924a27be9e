package io.unimember.common.outbox;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the transactional outbox: envelopes go to their type's topic, keyed by member, as JSON text. */
@AutoConfiguration
@EnableScheduling
public class OutboxConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventCodec eventCodec(JsonMapper mapper) {
        return new EventCodec(mapper);
    }

    @Bean
    EventPublisher eventPublisher(
            ApplicationEventPublisher publisher,
            JsonMapper mapper,
            Clock clock,
            @Value("${spring.application.name}") String source) {
        return new EventPublisher(publisher, mapper, clock, source);
    }

    @Bean
    EventExternalizationConfiguration eventExternalization(EventCodec codec) {
        return EventExternalizationConfiguration.externalizing()
                .selectByType(EventEnvelope.class)
                .mapping(EventEnvelope.class, codec::toJson)
                .route(EventEnvelope.class, e -> RoutingTarget.forTarget(e.topic())
                        .andKey(e.memberId()))
                .build();
    }

    /**
     * Wraps Modulith's publication store so that sent publications are deleted in batches and never marked
     * processing ({@link BatchedCompletions}). Only with {@code completion-mode: delete}, the mode we run; off with
     * {@code unimember.outbox.batched-completion.enabled=false}.
     */
    @Bean
    static BeanPostProcessor batchedOutboxCompletions(
            ObjectProvider<PlatformTransactionManager> transactions,
            ObjectProvider<JdbcOperations> jdbc,
            ObjectProvider<EventSerializer> serializers,
            Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof EventPublicationRepository repository
                        && !(bean instanceof BatchedCompletions)
                        && "delete".equalsIgnoreCase(environment.getProperty("spring.modulith.events.completion-mode"))
                        && environment.getProperty(
                                "unimember.outbox.batched-completion.enabled", Boolean.class, true)) {
                    return new BatchedCompletions(
                            repository,
                            publicationInserts(repository, jdbc, serializers, environment),
                            new TransactionTemplate(transactions.getObject()),
                            environment.getProperty(
                                    "unimember.outbox.batched-completion.max-batch", Integer.class, 100),
                            environment.getProperty(
                                    "unimember.outbox.batched-completion.capacity", Integer.class, 100_000));
                }
                return bean;
            }
        };
    }

    /**
     * A transaction's publications in one insert ({@link PublicationInserts}), for the JDBC store of Modulith 2.0's
     * schema v2, whose rows it writes; off with {@code unimember.outbox.grouped-inserts.enabled=false}.
     */
    private static @Nullable PublicationInserts publicationInserts(
            EventPublicationRepository repository,
            ObjectProvider<JdbcOperations> jdbc,
            ObjectProvider<EventSerializer> serializers,
            Environment environment) {
        // Modulith's store is behind a transactional proxy
        Class<?> store = AopProxyUtils.ultimateTargetClass(repository);
        var log = LoggerFactory.getLogger(OutboxConfiguration.class);
        if (!store.getName().equals(JDBC_STORE_V2)) {
            log.info("outbox: publications are inserted one by one (the store is {})", store.getName());
            return null;
        }
        if (!environment.getProperty("unimember.outbox.grouped-inserts.enabled", Boolean.class, true)) {
            log.info("outbox: publications are inserted one by one (unimember.outbox.grouped-inserts.enabled=false)");
            return null;
        }
        log.info("outbox: a transaction's publications are inserted with one statement before it commits");
        return new PublicationInserts(jdbc.getObject(), serializers.getObject());
    }

    private static final String JDBC_STORE_V2 =
            "org.springframework.modulith.events.jdbc.JdbcEventPublicationRepositoryV2";

    @Bean
    OutboxResubmission outboxResubmission(
            IncompleteEventPublications incomplete,
            @Value("${unimember.outbox.resubmit-older-than:PT15S}") Duration olderThan,
            @Value("${unimember.outbox.resubmit-batch-size:500}") int batchSize,
            @Value("${unimember.outbox.resubmit-max-in-flight:1000}") int maxInFlight) {
        return new OutboxResubmission(incomplete, olderThan, batchSize, maxInFlight);
    }

    /** Creates the topics (and their dead-letter topics) with the partition count we plan for. */
    @Bean
    KafkaAdmin.NewTopics unimemberTopics(@Value("${unimember.kafka.partitions:6}") int partitions) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .flatMap(t -> java.util.stream.Stream.of(t, Topics.deadLetter(t)))
                .map(t ->
                        TopicBuilder.name(t).partitions(partitions).replicas(1).build())
                .toArray(NewTopic[]::new));
    }
}
