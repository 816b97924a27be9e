package io.unimember.common.events;

import java.time.Instant;
import java.util.Map;

/**
 * A risk decision parked an action for an operator: the review {@code reviewId} (the decision's id) of what
 * {@code service} holds as {@code subjectRef} (a coupon id, a member id) at {@code checkpoint}, with the score, the
 * rules that fired ({@code rule → count}) and the signals it was decided on. member-service lists it in the queue.
 */
@EventType(value = "risk.review_opened", topic = Topics.RISK)
public record RiskReviewOpened(
        String reviewId,
        String service,
        String checkpoint,
        String memberId,
        String subjectRef,
        int score,
        Map<String, Long> rules,
        Map<String, String> signals,
        Instant openedAt)
        implements DomainEvent {}
