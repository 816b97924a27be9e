package io.unimember.common.events;

import java.time.Instant;

/** Part or all of an order was refunded; points and growth are reversed in proportion. */
@EventType(value = "order.refunded", topic = Topics.ORDER)
public record OrderRefunded(
        String memberId,
        String bu,
        String orderId,
        String refundId,
        long refundFen,
        long orderAmountFen,
        long pointsReversed,
        Instant occurredAt)
        implements DomainEvent {}
