package io.unimember.member.admin;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records an admin write: who, when, what (an action and its target) and the state before and after, as JSON. Call
 * it inside the write's transaction, so a write and its record commit together or not at all. Secrets never go in.
 */
@Service
public class AdminAudit {

    private final AuditRepository repository;
    private final JsonMapper json;
    private final Clock clock;

    AdminAudit(AuditRepository repository, JsonMapper json, Clock clock) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
    }

    public void record(Actor actor, String action, String target, @Nullable Object before, @Nullable Object after) {
        repository.insert(new AuditEntry(
                0,
                clock.instant(),
                actor.id(),
                actor.kind(),
                actor.role().name(),
                action,
                target,
                before == null ? null : json.writeValueAsString(before),
                after == null ? null : json.writeValueAsString(after)));
    }
}
