package io.unimember.common.events;

import java.time.Instant;

/**
 * A member asked to exchange points for a 神券 (design §12): points-service holds {@code points} under {@code holdId}
 * for the coupon's funding BU (the BU the points are spent at), answering {@code points.held} with {@code orderRef}
 * {@code exchange:<exchangeId>}, or {@code points.hold_refused}.
 */
@EventType(value = "coupon.exchange_requested", topic = Topics.COUPON)
public record CouponExchangeRequested(
        String memberId,
        String exchangeId,
        String holdId,
        String templateId,
        String fundingBu,
        long points,
        Instant requestedAt)
        implements DomainEvent {

    public static final String ORDER_REF_PREFIX = "exchange:";

    public String orderRef() {
        return ORDER_REF_PREFIX + exchangeId;
    }
}
