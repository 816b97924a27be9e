package io.unimember.tier.membership;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.OrderRefunded;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventBatches;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns completed and refunded orders into growth and tiers, each event once however often it is delivered. */
@Component
class OrderEventsListener {

    static final String CONSUMER = "tier-service.growth";

    private final EventBatches batches;
    private final JsonMapper mapper;
    private final Memberships memberships;

    OrderEventsListener(EventBatches batches, JsonMapper mapper, Memberships memberships) {
        this.batches = batches;
        this.mapper = mapper;
        this.memberships = memberships;
    }

    /**
     * A batch of orders and refunds in one transaction, each member's in the order they were published: the orders
     * between two refunds are applied together, set-based.
     */
    @KafkaListener(topics = Topics.ORDER, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(CONSUMER, records, this::read, events -> {
            List<OrderCompleted> orders = new ArrayList<>(events.size());
            for (var event : events) {
                switch (event.value()) {
                    case OrderCompleted order -> orders.add(order);
                    case OrderRefunded refund -> {
                        applyOrders(orders);
                        memberships.applyRefund(refund);
                    }
                    default -> throw new IllegalStateException("not an order event: " + event.value());
                }
            }
            applyOrders(orders);
        });
    }

    private void applyOrders(List<OrderCompleted> orders) {
        if (!orders.isEmpty()) {
            memberships.applyOrders(List.copyOf(orders));
            orders.clear();
        }
    }

    private @Nullable Object read(EventEnvelope event) {
        if (event.is(OrderCompleted.class)) {
            return EventPayloads.check(EventPayloads.read(event, OrderCompleted.class, mapper));
        }
        if (event.is(OrderRefunded.class)) {
            return EventPayloads.check(EventPayloads.read(event, OrderRefunded.class, mapper));
        }
        return null;
    }
}
