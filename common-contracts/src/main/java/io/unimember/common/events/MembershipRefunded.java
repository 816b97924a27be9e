package io.unimember.common.events;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A paid purchase was refunded by the BU that took the payment. {@code revenue} is the refund split as the price was,
 * so settlement reverses each BU's share; {@code endsAt} is when the membership now ends (the refund time, or the
 * start of a refunded renewal not yet begun). {@code periodStart} is where the refunded purchase's period began: the
 * membership coupons issued since then and still unused are taken back (decision 0065); an event from before it was
 * added has none.
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
        long version,
        @Nullable Instant periodStart)
        implements DomainEvent {}
