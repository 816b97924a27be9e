package io.unimember.coupon.rewards;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventBatches;
import io.unimember.common.inbox.MalformedEventException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Completed orders feed the reward rules, each event applied once (the inbox records its id with the change). */
@Component
class OrderEventsListener {

    static final String CONSUMER = "coupon-service.rewards";

    private final EventBatches batches;
    private final JsonMapper mapper;
    private final Rewards rewards;

    OrderEventsListener(EventBatches batches, JsonMapper mapper, Rewards rewards) {
        this.batches = batches;
        this.mapper = mapper;
        this.rewards = rewards;
    }

    @KafkaListener(id = "coupon-rewards", idIsGroup = false, topics = Topics.ORDER, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(
                CONSUMER,
                records,
                this::read,
                orders -> rewards.onOrdersCompleted(
                        orders.stream().map(EventBatches.Read::value).toList()));
    }

    private @Nullable OrderCompleted read(EventEnvelope event) {
        if (!event.is(OrderCompleted.class)) {
            return null;
        }
        try {
            return event.dataAs(OrderCompleted.class, mapper);
        } catch (JacksonException e) {
            throw new MalformedEventException("order.completed without a readable payload: " + e.getOriginalMessage());
        }
    }
}
