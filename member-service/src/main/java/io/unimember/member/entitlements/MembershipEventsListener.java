package io.unimember.member.entitlements;

import io.unimember.common.events.DomainEvent;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.EventTypes;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventBatches;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** {@code membership.events.v1} into the view: the plan, its end and what remains of its counted benefits. */
@Component
class MembershipEventsListener {

    static final String CONSUMER = "member-service.entitlements.membership";

    private final EventBatches batches;
    private final ViewUpdates updates;
    private final JsonMapper json;

    MembershipEventsListener(EventBatches batches, ViewUpdates updates, JsonMapper json) {
        this.batches = batches;
        this.updates = updates;
        this.json = json;
    }

    @KafkaListener(topics = Topics.MEMBERSHIP, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(
                CONSUMER,
                records,
                this::change,
                changes -> updates.applyAll(
                        changes.stream().map(EventBatches.Read::value).toList()));
    }

    private ViewUpdates.@Nullable Change change(EventEnvelope e) {
        Class<? extends DomainEvent> type = EventTypes.classOf(e.type()).orElse(null);
        if (type == null || !Topics.MEMBERSHIP.equals(EventTypes.topicOf(type))) {
            return null;
        }
        DomainEvent event = Payloads.read(e, type, json);
        return new ViewUpdates.Change(event.memberId(), () -> updates.membershipChanged(event, e.occurredAt()));
    }
}
