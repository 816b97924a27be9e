package io.unimember.common.admin;

import io.unimember.common.events.AdminActionRecorded;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.common.security.Caller;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records an admin write of this service in the platform's one audit log: who, when, what (an action and its target)
 * and the state before and after, as JSON. It publishes {@link AdminActionRecorded} through the outbox, so call it
 * inside the write's transaction: the write and its record commit together or not at all. member-service, which
 * keeps the log, adds it ({@code GET /api/v1/admin/audit}). Secrets never go in.
 */
public class AdminAudit {

    /** The role recorded for a BU's client acting on its own things (a template it funds), which has no admin role. */
    public static final String BU_CLIENT = "BU_CLIENT";

    private final EventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final String service;

    public AdminAudit(EventPublisher events, JsonMapper json, Clock clock, String service) {
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.service = service;
    }

    /** Records a write by {@code actor}. */
    public void record(Actor actor, String action, String target, @Nullable Object before, @Nullable Object after) {
        publish(actor.id(), actor.kind(), actor.role().name(), action, target, before, after);
    }

    /**
     * Records a write by the caller: an admin as {@link AdminAccess#actor} names them, a BU's client (a campaign
     * manager creating its own template) as a client of role {@value #BU_CLIENT}.
     */
    public void record(Caller caller, String action, String target, @Nullable Object before, @Nullable Object after) {
        if (caller.isAdmin()) {
            record(AdminAccess.actor(caller), action, target, before, after);
        } else {
            publish(caller.subject(), "CLIENT", BU_CLIENT, action, target, before, after);
        }
    }

    private void publish(
            String actor,
            String kind,
            String role,
            String action,
            String target,
            @Nullable Object before,
            @Nullable Object after) {
        events.publish(new AdminActionRecorded(
                actor,
                kind,
                role,
                service,
                action,
                target,
                before == null ? null : json.writeValueAsString(before),
                after == null ? null : json.writeValueAsString(after),
                clock.instant()));
    }
}
