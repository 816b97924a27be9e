package io.unimember.tier.membership;

import io.unimember.common.events.MemberRegistered;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventBatches;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Starts every newly registered member in the lowest tier. */
@Component
class MemberEventsListener {

    static final String CONSUMER = "tier-service.membership";

    private final EventBatches batches;
    private final JsonMapper mapper;
    private final Memberships memberships;

    MemberEventsListener(EventBatches batches, JsonMapper mapper, Memberships memberships) {
        this.batches = batches;
        this.mapper = mapper;
        this.memberships = memberships;
    }

    @KafkaListener(topics = Topics.MEMBER, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(
                CONSUMER,
                records,
                event -> event.is(MemberRegistered.class)
                        ? EventPayloads.check(EventPayloads.read(event, MemberRegistered.class, mapper))
                        : null,
                registrations -> registrations.forEach(r ->
                        memberships.register(r.value().memberId(), r.value().registeredAt())));
    }
}
