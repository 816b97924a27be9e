package io.unimember.settlement.webhooks;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A registered endpoint as stored; {@code pausedReason} is OWNER or FAILING while paused. */
record Endpoint(
        String webhookId,
        Owner owner,
        String url,
        List<String> events,
        String secret,
        String status,
        @Nullable String pausedReason,
        Instant createdAt) {

    static final String ACTIVE = "ACTIVE";
    static final String PAUSED = "PAUSED";

    boolean wants(String bu, String eventType) {
        return owner.bu().equals(bu) && events.contains(eventType);
    }
}
