package io.unimember.tier.membership;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.OrderRefunded;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.common.inbox.EventInbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns completed and refunded orders into growth and tiers, each event once however often it is delivered. */
@Component
class OrderEventsListener {

    static final String CONSUMER = "tier-service.growth";

    private final EventCodec codec;
    private final EventInbox inbox;
    private final JsonMapper mapper;
    private final Memberships memberships;

    OrderEventsListener(EventCodec codec, EventInbox inbox, JsonMapper mapper, Memberships memberships) {
        this.codec = codec;
        this.inbox = inbox;
        this.mapper = mapper;
        this.memberships = memberships;
    }

    @KafkaListener(topics = Topics.ORDER)
    void on(String json) {
        EventEnvelope event = codec.parse(json);
        if (event.is(OrderCompleted.class)) {
            OrderCompleted order = EventPayloads.check(EventPayloads.read(event, OrderCompleted.class, mapper));
            inbox.applyOnce(CONSUMER, event, () -> memberships.applyOrder(order));
        } else if (event.is(OrderRefunded.class)) {
            OrderRefunded refund = EventPayloads.check(EventPayloads.read(event, OrderRefunded.class, mapper));
            inbox.applyOnce(CONSUMER, event, () -> memberships.applyRefund(refund));
        }
    }
}
