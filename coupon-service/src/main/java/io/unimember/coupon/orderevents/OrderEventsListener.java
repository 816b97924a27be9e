package io.unimember.coupon.orderevents;

import io.unimember.common.events.DomainEvent;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.OrderRefunded;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventBatches;
import io.unimember.common.inbox.MalformedEventException;
import io.unimember.coupon.campaigns.OrderCampaigns;
import io.unimember.coupon.refunds.CouponRefunds;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Order events, a batch at a time, each applied once (the inbox records its id with the change). A batch's completed
 * orders are evaluated by the campaigns first, set-based, then its refunds are applied: a refund is always of an order
 * completed before it (in its partition, or in an earlier batch), so this order sees every reward a refund may take
 * back. Both used to be separate consumer groups, each fetching and reading every order event.
 */
@Component
class OrderEventsListener {

    static final String CONSUMER = "coupon-service.orders";

    private final EventBatches batches;
    private final JsonMapper mapper;
    private final OrderCampaigns campaigns;
    private final CouponRefunds refunds;

    OrderEventsListener(EventBatches batches, JsonMapper mapper, OrderCampaigns campaigns, CouponRefunds refunds) {
        this.batches = batches;
        this.mapper = mapper;
        this.campaigns = campaigns;
        this.refunds = refunds;
    }

    @KafkaListener(id = "coupon-orders", idIsGroup = false, topics = Topics.ORDER, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(CONSUMER, records, this::read, events -> {
            List<OrderCompleted> completed = new ArrayList<>(events.size());
            List<OrderRefunded> refunded = new ArrayList<>();
            for (EventBatches.Read<DomainEvent> e : events) {
                switch (e.value()) {
                    case OrderCompleted o -> completed.add(o);
                    case OrderRefunded r -> refunded.add(r);
                    default -> throw new IllegalStateException("read only order events");
                }
            }
            if (!completed.isEmpty()) {
                campaigns.onOrdersCompleted(completed);
            }
            if (!refunded.isEmpty()) {
                refunds.onOrdersRefunded(refunded);
            }
        });
    }

    private @Nullable DomainEvent read(EventEnvelope event) {
        try {
            if (event.is(OrderCompleted.class)) {
                return event.dataAs(OrderCompleted.class, mapper);
            }
            if (event.is(OrderRefunded.class)) {
                return event.dataAs(OrderRefunded.class, mapper);
            }
            return null;
        } catch (JacksonException e) {
            throw new MalformedEventException(event.type() + " without a readable payload: " + e.getOriginalMessage());
        }
    }
}
