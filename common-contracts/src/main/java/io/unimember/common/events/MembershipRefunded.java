package io.unimember.common.events;

import java.time.Instant;
import java.util.List;

/**
 * A paid purchase was refunded by the BU that took the payment. {@code revenue} is the refund split as the price was,
 * so settlement reverses each BU's share; {@code endsAt} is when the membership now ends (the refund time, or the
 * start of a refunded renewal not yet begun).
 */
@EventType(value = "membership.refunded", topic = Topics.MEMBERSHIP)
public record MembershipRefunded(
        String memberId,
        String planCode,
        String purchaseId,
        String refundId,
        String payingBu,
        long refundFen,
        List<MembershipTerms.RevenueShare> revenue,
        Instant endsAt,
        long version)
        implements DomainEvent {}
