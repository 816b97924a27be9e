package io.unimember.common.outbox;

import io.unimember.common.config.KafkaEventProperties;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.json.JsonMapper;

/** Wires the transactional outbox: envelopes go to their type's topic, keyed by member, as JSON text. */
@AutoConfiguration
@EnableScheduling
@EnableConfigurationProperties({OutboxProperties.class, KafkaEventProperties.class})
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

    /** Every service's admin writes go to the one audit log through its outbox. */
    @Bean
    io.unimember.common.admin.AdminAudit adminAudit(
            EventPublisher events,
            JsonMapper mapper,
            Clock clock,
            @Value("${spring.application.name}") String service) {
        return new io.unimember.common.admin.AdminAudit(events, mapper, clock, service);
    }

    /**
     * Which events leave the service, and how. Modulith's event listener factory asks for this while the context
     * is still post-processing bean definitions (Modulith 2.1), before beans are autowired by constructor: the codec,
     * and the JSON mapper behind it, are looked up only when the first event is sent.
     */
    @Bean
    EventExternalizationConfiguration eventExternalization(ObjectProvider<EventCodec> codec) {
        return EventExternalizationConfiguration.externalizing()
                .selectByType(EventEnvelope.class)
                .mapping(EventEnvelope.class, e -> codec.getObject().toJson(e))
                .route(EventEnvelope.class, e -> RoutingTarget.forTarget(e.topic())
                        .andKey(e.memberId()))
                .build();
    }

    @Bean
    OutboxResubmission outboxResubmission(IncompleteEventPublications incomplete, OutboxProperties outbox) {
        return new OutboxResubmission(
                incomplete, outbox.resubmitOlderThan(), outbox.resubmitBatchSize(), outbox.resubmitMaxInFlight());
    }

    /** Creates the topics (and their dead-letter topics) with the partition count we plan for. */
    @Bean
    KafkaAdmin.NewTopics unimemberTopics(KafkaEventProperties kafka) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .flatMap(t -> java.util.stream.Stream.of(t, Topics.deadLetter(t)))
                .map(t -> TopicBuilder.name(t)
                        .partitions(kafka.partitions())
                        .replicas(1)
                        .build())
                .toArray(NewTopic[]::new));
    }
}
