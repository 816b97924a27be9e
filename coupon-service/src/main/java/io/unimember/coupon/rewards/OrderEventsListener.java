package io.unimember.coupon.rewards;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.common.inbox.EventInbox;
import io.unimember.common.inbox.MalformedEventException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Completed orders feed the reward rules, each event applied once (the inbox records its id with the change). */
@Component
class OrderEventsListener {

    static final String CONSUMER = "coupon-service.rewards";

    private final EventCodec codec;
    private final EventInbox inbox;
    private final JsonMapper mapper;
    private final Rewards rewards;

    OrderEventsListener(EventCodec codec, EventInbox inbox, JsonMapper mapper, Rewards rewards) {
        this.codec = codec;
        this.inbox = inbox;
        this.mapper = mapper;
        this.rewards = rewards;
    }

    @KafkaListener(id = "coupon-rewards", idIsGroup = false, topics = Topics.ORDER)
    void on(String json) {
        EventEnvelope event = codec.parse(json);
        if (!event.is(OrderCompleted.class)) {
            return;
        }
        OrderCompleted order;
        try {
            order = event.dataAs(OrderCompleted.class, mapper);
        } catch (JacksonException e) {
            throw new MalformedEventException("order.completed without a readable payload: " + e.getOriginalMessage());
        }
        inbox.applyOnce(CONSUMER, event, () -> rewards.onOrderCompleted(order));
    }
}
