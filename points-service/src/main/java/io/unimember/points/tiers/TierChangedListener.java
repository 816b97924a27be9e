package io.unimember.points.tiers;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.TierChanged;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventBatches;
import io.unimember.common.inbox.MalformedEventException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Keeps {@link TierProjection} current from {@code tier.events.v1}; each event is applied once. */
@Component
class TierChangedListener {

    static final String CONSUMER = "points-service.tiers";

    private final EventBatches batches;
    private final JsonMapper mapper;
    private final TierProjection projection;

    TierChangedListener(EventBatches batches, JsonMapper mapper, TierProjection projection) {
        this.batches = batches;
        this.mapper = mapper;
        this.projection = projection;
    }

    @KafkaListener(topics = Topics.TIER, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(
                CONSUMER,
                records,
                this::read,
                changes -> projection.applyAll(
                        changes.stream().map(EventBatches.Read::value).toList()));
    }

    private @Nullable TierChanged read(EventEnvelope envelope) {
        if (!envelope.is(TierChanged.class)) {
            return null;
        }
        try {
            TierChanged event = envelope.dataAs(TierChanged.class, mapper);
            if (event.memberId() == null
                    || event.memberId().isBlank()
                    || event.memberId().length() > 64
                    || event.to() == null
                    || event.to().length() > 32) {
                throw new MalformedEventException("tier.changed needs a memberId (<= 64) and a tier code (<= 32)");
            }
            return event;
        } catch (JacksonException e) {
            throw new MalformedEventException("tier.changed payload unreadable: " + e.getOriginalMessage());
        }
    }
}
