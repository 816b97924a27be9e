package io.unimember.points.tiers;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.TierChanged;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.common.inbox.EventInbox;
import io.unimember.common.inbox.MalformedEventException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Keeps {@link TierProjection} current from {@code tier.events.v1}; each event is applied once. */
@Component
class TierChangedListener {

    static final String CONSUMER = "points-service.tiers";

    private final EventCodec codec;
    private final EventInbox inbox;
    private final JsonMapper mapper;
    private final TierProjection projection;

    TierChangedListener(EventCodec codec, EventInbox inbox, JsonMapper mapper, TierProjection projection) {
        this.codec = codec;
        this.inbox = inbox;
        this.mapper = mapper;
        this.projection = projection;
    }

    @KafkaListener(topics = Topics.TIER)
    void on(String json) {
        EventEnvelope envelope = codec.parse(json);
        if (!envelope.is(TierChanged.class)) {
            return;
        }
        TierChanged event = read(envelope);
        inbox.applyOnce(CONSUMER, envelope, () -> projection.apply(event));
    }

    private TierChanged read(EventEnvelope envelope) {
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
