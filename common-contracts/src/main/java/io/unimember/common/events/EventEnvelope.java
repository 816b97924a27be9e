package io.unimember.common.events;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The envelope every event travels in: {@code {eventId, type, occurredAt, memberId, source, version, data}}.
 *
 * @param eventId unique per event; consumers record it to apply each event once. Made here as a UUID version 7
 *     (RFC 9562: the time first), so the inbox and delivery indexes keyed by it grow at one end rather than at random
 *     places, and stay in memory however large they grow (decision 0061)
 * @param type the wire type, e.g. {@code points.earned}
 * @param source the producing service's name
 * @param version the payload schema version
 * @param data the payload record as JSON
 */
public record EventEnvelope(
        UUID eventId, String type, Instant occurredAt, String memberId, String source, int version, JsonNode data) {

    public static final int CURRENT_VERSION = 1;

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    public static EventEnvelope wrap(DomainEvent event, String source, Instant occurredAt, JsonMapper mapper) {
        return new EventEnvelope(
                IDS.generate(),
                EventTypes.nameOf(event.getClass()),
                occurredAt,
                event.memberId(),
                source,
                CURRENT_VERSION,
                mapper.valueToTree(event));
    }

    public String topic() {
        return EventTypes.topicOf(type);
    }

    public <T extends DomainEvent> T dataAs(Class<T> type, JsonMapper mapper) {
        return mapper.treeToValue(data, type);
    }

    public boolean is(Class<? extends DomainEvent> eventClass) {
        return type.equals(EventTypes.nameOf(eventClass));
    }
}
