package io.unimember.coupon.refunds;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.OrderRefunded;
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

/** Refunded orders, a batch at a time, each event applied once (the inbox records its id with the change). */
@Component
class OrderRefundsListener {

    static final String CONSUMER = "coupon-service.refunds";

    private final EventBatches batches;
    private final JsonMapper mapper;
    private final CouponRefunds refunds;

    OrderRefundsListener(EventBatches batches, JsonMapper mapper, CouponRefunds refunds) {
        this.batches = batches;
        this.mapper = mapper;
        this.refunds = refunds;
    }

    // its own group: in the service's default group it would split order.events.v1's partitions with the rewards
    // listener, and each would miss the events of the other's partitions
    @KafkaListener(
            id = "coupon-refunds",
            topics = Topics.ORDER,
            groupId = "${spring.application.name}.refunds",
            batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(
                CONSUMER,
                records,
                this::read,
                refunded -> refunds.onOrdersRefunded(
                        refunded.stream().map(EventBatches.Read::value).toList()));
    }

    private @Nullable OrderRefunded read(EventEnvelope event) {
        if (!event.is(OrderRefunded.class)) {
            return null;
        }
        try {
            return event.dataAs(OrderRefunded.class, mapper);
        } catch (JacksonException e) {
            throw new MalformedEventException("order.refunded without a readable payload: " + e.getOriginalMessage());
        }
    }
}
