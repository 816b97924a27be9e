package io.unimember.points.holds;

import io.unimember.common.events.CouponExchangeRequested;
import io.unimember.common.events.CouponExchangeSettled;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventBatches;
import io.unimember.common.inbox.MalformedEventException;
import io.unimember.points.PointsProperties;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The points side of exchanging points for a 神券 (decision 0045), on coupon-service's events, each applied once: a
 * request opens a hold for the coupon's funding BU (the BU the points are spent at, so settlement has each spent lot's
 * issuing BU owe it, as for points spent anywhere); a settlement spends the hold or releases it.
 */
@Component
class ExchangeHoldsListener {

    static final String CONSUMER = "points-service.exchanges";

    private final EventBatches batches;
    private final JsonMapper mapper;
    private final Holds holds;
    private final PointsProperties properties;

    ExchangeHoldsListener(EventBatches batches, JsonMapper mapper, Holds holds, PointsProperties properties) {
        this.batches = batches;
        this.mapper = mapper;
        this.holds = holds;
        this.properties = properties;
    }

    @KafkaListener(topics = Topics.COUPON, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.applyEach(CONSUMER, records, this::change);
    }

    private @Nullable Runnable change(EventEnvelope envelope) {
        try {
            if (envelope.is(CouponExchangeRequested.class)) {
                var e = envelope.dataAs(CouponExchangeRequested.class, mapper);
                var request = new HoldRequest(e.holdId(), e.memberId(), e.points(), e.orderRef());
                return () -> holds.openIfAvailable(e.fundingBu(), request, properties.exchangeHoldTtl());
            }
            if (envelope.is(CouponExchangeSettled.class)) {
                var e = envelope.dataAs(CouponExchangeSettled.class, mapper);
                return e.confirm()
                        ? () -> holds.confirmIfHeld(e.fundingBu(), e.holdId())
                        : () -> holds.cancelIfHeld(e.fundingBu(), e.holdId());
            }
            return null;
        } catch (JacksonException e) {
            throw new MalformedEventException(envelope.type() + " payload unreadable: " + e.getOriginalMessage());
        }
    }
}
