package io.unimember.common.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An order a BU inside the group reports on {@code bu.orders.v1} instead of calling the REST API; the same
 * payload as {@code POST /api/v1/bu/orders} plus the BU, which the token would otherwise carry.
 */
@EventType(value = "bu.order.reported", topic = Topics.BU_ORDERS)
public record BuOrderReported(
        String memberId, String bu, String orderId, long amountFen, Instant occurredAt, @Nullable String category)
        implements DomainEvent {}
