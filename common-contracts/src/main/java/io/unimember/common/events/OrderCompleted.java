package io.unimember.common.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A BU order was accepted by the platform; tier-service turns its amount into growth. */
@EventType(value = "order.completed", topic = Topics.ORDER)
public record OrderCompleted(
        String memberId,
        String bu,
        String orderId,
        long amountFen,
        @Nullable String category,
        Instant occurredAt,
        long pointsEarned)
        implements DomainEvent {}
