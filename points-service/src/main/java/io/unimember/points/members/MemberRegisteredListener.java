package io.unimember.points.members;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.MemberRegistered;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventBatches;
import io.unimember.common.inbox.MalformedEventException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Feeds {@link KnownMembers} from {@code member.events.v1}, a batch per poll; each event is applied once. */
@Component
class MemberRegisteredListener {

    static final String CONSUMER = "points-service.members";

    private final EventBatches batches;
    private final JsonMapper mapper;
    private final KnownMembers members;

    MemberRegisteredListener(EventBatches batches, JsonMapper mapper, KnownMembers members) {
        this.batches = batches;
        this.mapper = mapper;
        this.members = members;
    }

    @KafkaListener(topics = Topics.MEMBER, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(CONSUMER, records, this::read, registrations -> {
            Map<String, Instant> byMember = new LinkedHashMap<>();
            registrations.forEach(
                    r -> byMember.putIfAbsent(r.value().memberId(), r.value().registeredAt()));
            members.registerAll(byMember);
        });
    }

    private @Nullable MemberRegistered read(EventEnvelope envelope) {
        if (!envelope.is(MemberRegistered.class)) {
            return null;
        }
        try {
            MemberRegistered event = envelope.dataAs(MemberRegistered.class, mapper);
            if (event.memberId() == null
                    || event.memberId().isBlank()
                    || event.memberId().length() > 64
                    || event.registeredAt() == null) {
                throw new MalformedEventException("member.registered needs a memberId (<= 64) and registeredAt");
            }
            return event;
        } catch (JacksonException e) {
            throw new MalformedEventException("member.registered payload unreadable: " + e.getOriginalMessage());
        }
    }
}
