package io.unimember.member.risk;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.RiskReviewDecided;
import io.unimember.common.events.RiskReviewOpened;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventBatches;
import io.unimember.common.inbox.MalformedEventException;
import io.unimember.common.risk.Checkpoint;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code risk.events.v1} in member-service: every service's parked actions into the queue (an insert keyed by the
 * review, so it records no inbox row), and the decided reviews of registrations parked here, applied once.
 */
@Component
class RiskEventsListener {

    static final String CONSUMER = "member-service.risk";

    private final EventBatches batches;
    private final JsonMapper mapper;
    private final Reviews reviews;
    private final Registrations registrations;
    private final String service;

    RiskEventsListener(
            EventBatches batches,
            JsonMapper mapper,
            Reviews reviews,
            Registrations registrations,
            @Value("${spring.application.name}") String service) {
        this.batches = batches;
        this.mapper = mapper;
        this.reviews = reviews;
        this.registrations = registrations;
        this.service = service;
    }

    @KafkaListener(id = "member-risk", idIsGroup = false, topics = Topics.RISK, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(
                CONSUMER,
                records,
                this::change,
                e -> e.is(RiskReviewDecided.class),
                changes -> changes.forEach(c -> c.value().run()));
    }

    private @Nullable Runnable change(EventEnvelope envelope) {
        try {
            if (envelope.is(RiskReviewOpened.class)) {
                RiskReviewOpened opened = envelope.dataAs(RiskReviewOpened.class, mapper);
                return () -> reviews.open(opened);
            }
            if (envelope.is(RiskReviewDecided.class)) {
                RiskReviewDecided decided = envelope.dataAs(RiskReviewDecided.class, mapper);
                boolean ours = service.equals(decided.service())
                        && Checkpoint.REGISTRATION.name().equals(decided.checkpoint());
                return ours ? () -> registrations.reviewed(decided) : null;
            }
            return null;
        } catch (JacksonException e) {
            throw new MalformedEventException(envelope.type() + " payload unreadable: " + e.getOriginalMessage());
        }
    }
}
