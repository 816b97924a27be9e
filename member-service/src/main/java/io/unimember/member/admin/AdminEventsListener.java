package io.unimember.member.admin;

import io.unimember.common.events.AdminActionRecorded;
import io.unimember.common.events.EventEnvelope;
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

/**
 * {@code admin.events.v1} into the audit log: the other services' admin writes ({@code admin.action_recorded}), each
 * added once (the inbox records every event: a row has no key of its own to make a second insert harmless).
 */
@Component
class AdminEventsListener {

    static final String CONSUMER = "member-service.admin-audit";
    private static final int MAX_JSON = 60_000;

    private final EventBatches batches;
    private final AuditRepository repository;
    private final JsonMapper json;

    AdminEventsListener(EventBatches batches, AuditRepository repository, JsonMapper json) {
        this.batches = batches;
        this.repository = repository;
        this.json = json;
    }

    @KafkaListener(id = "member-admin-audit", idIsGroup = false, topics = Topics.ADMIN, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(CONSUMER, records, this::entry, entries -> entries.forEach(e -> repository.insert(e.value())));
    }

    private @Nullable AuditEntry entry(EventEnvelope envelope) {
        if (!envelope.is(AdminActionRecorded.class)) {
            return null;
        }
        AdminActionRecorded recorded;
        try {
            recorded = envelope.dataAs(AdminActionRecorded.class, json);
        } catch (JacksonException e) {
            throw new MalformedEventException(envelope.type() + " payload unreadable: " + e.getOriginalMessage());
        }
        if (!fits(recorded.actor(), 64)
                || !fits(recorded.actorKind(), 16)
                || !fits(recorded.role(), 16)
                || !fits(recorded.service(), 32)
                || !fits(recorded.action(), 64)
                || !fits(recorded.target(), 128)
                || recorded.at() == null
                || tooLong(recorded.before())
                || tooLong(recorded.after())) {
            throw new MalformedEventException(envelope.type() + " has a missing or oversized field");
        }
        return new AuditEntry(
                0,
                recorded.at(),
                recorded.service(),
                recorded.actor(),
                recorded.actorKind(),
                recorded.role(),
                recorded.action(),
                recorded.target(),
                recorded.before(),
                recorded.after());
    }

    private static boolean fits(@Nullable String value, int max) {
        return value != null && !value.isBlank() && value.length() <= max;
    }

    private static boolean tooLong(@Nullable String value) {
        return value != null && value.length() > MAX_JSON;
    }
}
