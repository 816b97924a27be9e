package io.unimember.settlement.webhooks;

import java.time.Instant;

/** One event owed to one endpoint, as the sender claimed it; retried until {@code windowStart} + the retry window. */
record Delivery(
        long deliveryId,
        String webhookId,
        String eventId,
        String eventType,
        String body,
        int attempts,
        Instant windowStart,
        String url,
        String secret) {}
