package io.unimember.common.events;

import java.time.Instant;

/**
 * An operator approved or rejected a parked action; {@code service}, which parked it, carries it out: an approved
 * coupon becomes usable, a rejected one is voided and its stock and budget given back, an approved registration's
 * member is let in.
 */
@EventType(value = "risk.review_decided", topic = Topics.RISK)
public record RiskReviewDecided(
        String reviewId,
        String service,
        String checkpoint,
        String memberId,
        String subjectRef,
        boolean approved,
        String decidedBy,
        Instant decidedAt)
        implements DomainEvent {}
