package io.unimember.member.entitlements;

import io.unimember.common.events.DomainEvent;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.inbox.MalformedEventException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads an event's payload; one that does not fit its type can never be applied, so it is a poison event. */
final class Payloads {

    private Payloads() {}

    static <T extends DomainEvent> T read(EventEnvelope e, Class<T> type, JsonMapper json) {
        try {
            T payload = e.dataAs(type, json);
            if (payload == null || payload.memberId() == null) {
                throw new MalformedEventException(e.type() + " " + e.eventId() + " has no member id");
            }
            return payload;
        } catch (JacksonException bad) {
            throw new MalformedEventException(e.type() + " " + e.eventId() + " payload: " + bad.getOriginalMessage());
        }
    }
}
