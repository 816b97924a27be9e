package io.unimember.tier.membership;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.MemberRegistered;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.common.inbox.EventInbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Starts every newly registered member in the lowest tier. */
@Component
class MemberEventsListener {

    static final String CONSUMER = "tier-service.membership";

    private final EventCodec codec;
    private final EventInbox inbox;
    private final JsonMapper mapper;
    private final Memberships memberships;

    MemberEventsListener(EventCodec codec, EventInbox inbox, JsonMapper mapper, Memberships memberships) {
        this.codec = codec;
        this.inbox = inbox;
        this.mapper = mapper;
        this.memberships = memberships;
    }

    @KafkaListener(topics = Topics.MEMBER)
    void on(String json) {
        EventEnvelope event = codec.parse(json);
        if (event.is(MemberRegistered.class)) {
            MemberRegistered registered =
                    EventPayloads.check(EventPayloads.read(event, MemberRegistered.class, mapper));
            inbox.applyOnce(
                    CONSUMER, event, () -> memberships.register(registered.memberId(), registered.registeredAt()));
        }
    }
}
