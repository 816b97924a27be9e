package io.unimember.points.memberships;

import io.unimember.common.events.DomainEvent;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.MembershipActivated;
import io.unimember.common.events.MembershipLapsed;
import io.unimember.common.events.MembershipRefunded;
import io.unimember.common.events.MembershipRenewed;
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

/** Keeps the membership multiplier projection from membership events, each applied once. */
@Component
class MembershipEventsListener {

    static final String CONSUMER = "points-service.memberships";

    private final EventBatches batches;
    private final JsonMapper mapper;
    private final MembershipProjection projection;

    MembershipEventsListener(EventBatches batches, JsonMapper mapper, MembershipProjection projection) {
        this.batches = batches;
        this.mapper = mapper;
        this.projection = projection;
    }

    @KafkaListener(topics = Topics.MEMBERSHIP, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(CONSUMER, records, this::read, events -> events.forEach(e -> apply(e.value())));
    }

    private void apply(DomainEvent event) {
        switch (event) {
            case MembershipActivated a ->
                projection.start(
                        a.memberId(),
                        a.terms().planCode(),
                        a.terms().multiplierBp(),
                        a.terms().endsAt(),
                        a.version());
            case MembershipRenewed r ->
                projection.start(
                        r.memberId(),
                        r.terms().planCode(),
                        r.terms().multiplierBp(),
                        r.terms().endsAt(),
                        r.version());
            case MembershipLapsed l -> projection.end(l.memberId(), l.endedAt(), l.version());
            case MembershipRefunded r -> projection.end(r.memberId(), r.endsAt(), r.version());
            default -> {}
        }
    }

    private @Nullable DomainEvent read(EventEnvelope event) {
        Class<? extends DomainEvent> type = event.is(MembershipActivated.class)
                ? MembershipActivated.class
                : event.is(MembershipRenewed.class)
                        ? MembershipRenewed.class
                        : event.is(MembershipLapsed.class)
                                ? MembershipLapsed.class
                                : event.is(MembershipRefunded.class) ? MembershipRefunded.class : null;
        if (type == null) {
            return null;
        }
        try {
            DomainEvent read = event.dataAs(type, mapper);
            if (read.memberId() == null
                    || read.memberId().isBlank()
                    || read.memberId().length() > 64) {
                throw new MalformedEventException(event.type() + " needs a memberId (<= 64)");
            }
            return read;
        } catch (JacksonException e) {
            throw new MalformedEventException(event.type() + " payload unreadable: " + e.getOriginalMessage());
        }
    }
}
