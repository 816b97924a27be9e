package io.unimember.coupon.risk;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.RiskReviewDecided;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventBatches;
import io.unimember.common.inbox.MalformedEventException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The reviews operators decided on actions coupon-service parked ({@code risk.review_decided}), each applied once. */
@Component
class RiskEventsListener {

    static final String CONSUMER = "coupon-service.risk";

    private final EventBatches batches;
    private final JsonMapper mapper;
    private final CouponReviews reviews;
    private final String service;

    RiskEventsListener(
            EventBatches batches,
            JsonMapper mapper,
            CouponReviews reviews,
            @Value("${spring.application.name}") String service) {
        this.batches = batches;
        this.mapper = mapper;
        this.reviews = reviews;
        this.service = service;
    }

    @KafkaListener(id = "coupon-risk", idIsGroup = false, topics = Topics.RISK, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.applyEach(CONSUMER, records, this::change);
    }

    private @Nullable Runnable change(EventEnvelope envelope) {
        if (!envelope.is(RiskReviewDecided.class)) {
            return null;
        }
        try {
            RiskReviewDecided decided = envelope.dataAs(RiskReviewDecided.class, mapper);
            return service.equals(decided.service()) ? () -> reviews.apply(decided) : null;
        } catch (JacksonException e) {
            throw new MalformedEventException(envelope.type() + " payload unreadable: " + e.getOriginalMessage());
        }
    }
}
