package io.unimember.settlement.webhooks;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One event owed to one endpoint, as the sender claimed it. */
record Delivery(
        long deliveryId,
        String webhookId,
        String eventId,
        String eventType,
        String body,
        int attempts,
        @Nullable Instant firstAttemptAt,
        String url,
        String secret) {}
