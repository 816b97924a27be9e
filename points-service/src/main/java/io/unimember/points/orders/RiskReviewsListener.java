package io.unimember.points.orders;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.RiskReviewDecided;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventBatches;
import io.unimember.common.inbox.MalformedEventException;
import io.unimember.common.risk.Checkpoint;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code risk.events.v1} in points-service: the decided reviews of earnings parked here ({@code service} this one,
 * checkpoint EARNING), each applied once (the inbox records them); every other risk event is skipped after its
 * envelope, unrecorded.
 */
@Component
class RiskReviewsListener {

    static final String CONSUMER = "points-service.risk-reviews";

    private final EventBatches batches;
    private final JsonMapper mapper;
    private final EarningReviews reviews;
    private final String service;

    RiskReviewsListener(
            EventBatches batches,
            JsonMapper mapper,
            EarningReviews reviews,
            @Value("${spring.application.name}") String service) {
        this.batches = batches;
        this.mapper = mapper;
        this.reviews = reviews;
        this.service = service;
    }

    @KafkaListener(id = "points-risk-reviews", idIsGroup = false, topics = Topics.RISK, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.applyEach(CONSUMER, records, this::change);
    }

    private @Nullable Runnable change(EventEnvelope envelope) {
        if (!envelope.is(RiskReviewDecided.class)) {
            return null;
        }
        RiskReviewDecided decided;
        try {
            decided = envelope.dataAs(RiskReviewDecided.class, mapper);
        } catch (JacksonException e) {
            throw new MalformedEventException(envelope.type() + " payload unreadable: " + e.getOriginalMessage());
        }
        if (!service.equals(decided.service()) || !Checkpoint.EARNING.name().equals(decided.checkpoint())) {
            return null;
        }
        if (decided.reviewId() == null
                || decided.reviewId().isBlank()
                || decided.reviewId().length() > 36) {
            throw new MalformedEventException(envelope.type() + " needs a reviewId (<= 36)");
        }
        return () -> reviews.decided(decided);
    }
}
