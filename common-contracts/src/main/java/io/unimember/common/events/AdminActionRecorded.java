package io.unimember.common.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An admin write made in {@code service}: who ({@code actor}, an operator or a client, of {@code actorKind} and
 * {@code role}), what ({@code action} on {@code target}) and the state before and after, as JSON, at {@code at}.
 * member-service adds it to the one audit log. Not an event about a member: it is keyed by the actor, so one actor's
 * writes stay in order.
 */
@EventType(value = "admin.action_recorded", topic = Topics.ADMIN)
public record AdminActionRecorded(
        String actor,
        String actorKind,
        String role,
        String service,
        String action,
        String target,
        @Nullable String before,
        @Nullable String after,
        Instant at)
        implements DomainEvent {

    /** The Kafka key: the actor. */
    @Override
    public String memberId() {
        return actor;
    }
}
