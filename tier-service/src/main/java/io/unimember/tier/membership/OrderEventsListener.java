package io.unimember.tier.membership;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.OrderRefunded;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventBatches;
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

    /** A batch of orders and refunds in one transaction, each member's in the order they were published. */
    @KafkaListener(topics = Topics.ORDER, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.applyEach(CONSUMER, records, this::change);
    }

    private @Nullable Runnable change(EventEnvelope event) {
        if (event.is(OrderCompleted.class)) {
            OrderCompleted order = EventPayloads.check(EventPayloads.read(event, OrderCompleted.class, mapper));
            return () -> memberships.applyOrder(order);
        }
        if (event.is(OrderRefunded.class)) {
            OrderRefunded refund = EventPayloads.check(EventPayloads.read(event, OrderRefunded.class, mapper));
            return () -> memberships.applyRefund(refund);
        }
        return null;
    }
}
