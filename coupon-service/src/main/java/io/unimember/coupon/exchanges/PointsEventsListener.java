package io.unimember.coupon.exchanges;

import io.unimember.common.events.CouponExchangeRequested;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.PointsHeld;
import io.unimember.common.events.PointsHoldRefused;
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

/**
 * points-service's answers to exchanges, each applied once: {@code points.held} and {@code points.hold_refused} of an
 * exchange's hold ({@code orderRef} {@code exchange:...}); every other points event is skipped after its envelope.
 */
@Component
class PointsEventsListener {

    static final String CONSUMER = "coupon-service.exchanges";

    private final EventBatches batches;
    private final JsonMapper mapper;
    private final ExchangeSaga saga;

    PointsEventsListener(EventBatches batches, JsonMapper mapper, ExchangeSaga saga) {
        this.batches = batches;
        this.mapper = mapper;
        this.saga = saga;
    }

    @KafkaListener(id = "coupon-exchanges", idIsGroup = false, topics = Topics.POINTS, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.applyEach(CONSUMER, records, this::change);
    }

    private @Nullable Runnable change(EventEnvelope envelope) {
        try {
            if (envelope.is(PointsHeld.class)) {
                PointsHeld held = envelope.dataAs(PointsHeld.class, mapper);
                return isExchange(held.orderRef()) ? () -> saga.onHeld(held) : null;
            }
            if (envelope.is(PointsHoldRefused.class)) {
                PointsHoldRefused refused = envelope.dataAs(PointsHoldRefused.class, mapper);
                return isExchange(refused.orderRef()) ? () -> saga.onRefused(refused) : null;
            }
            return null;
        } catch (JacksonException e) {
            throw new MalformedEventException(envelope.type() + " payload unreadable: " + e.getOriginalMessage());
        }
    }

    private static boolean isExchange(@Nullable String orderRef) {
        return orderRef != null && orderRef.startsWith(CouponExchangeRequested.ORDER_REF_PREFIX);
    }
}
