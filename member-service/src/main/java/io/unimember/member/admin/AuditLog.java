package io.unimember.member.admin;

import io.unimember.common.admin.Actor;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's audit log, kept here: records an admin write of member-service — who, when, what (an action and its
 * target) and the state before and after, as JSON — straight into {@code admin_audit}. Call it inside the write's
 * transaction, so a write and its record commit together or not at all. Secrets never go in. The other services
 * record theirs with common's {@link io.unimember.common.admin.AdminAudit}, whose events {@link AdminEventsListener}
 * adds here.
 */
@Service
public class AuditLog {

    private final AuditRepository repository;
    private final JsonMapper json;
    private final Clock clock;
    private final String service;

    AuditLog(
            AuditRepository repository,
            JsonMapper json,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value("${spring.application.name}") String service) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
        this.service = service;
    }

    public void record(Actor actor, String action, String target, @Nullable Object before, @Nullable Object after) {
        repository.insert(new AuditEntry(
                0,
                clock.instant(),
                service,
                actor.id(),
                actor.kind(),
                actor.role().name(),
                action,
                target,
                before == null ? null : json.writeValueAsString(before),
                after == null ? null : json.writeValueAsString(after)));
    }
}
