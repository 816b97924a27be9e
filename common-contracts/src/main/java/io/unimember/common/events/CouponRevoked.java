package io.unimember.common.events;

import java.time.Instant;

/**
 * A reward coupon was taken back unused because the order that earned it was refunded in full
 * ({@code reason} REWARD_REFUNDED). It never reaches a checkout, so nothing of it settles.
 */
@EventType(value = "coupon.revoked", topic = Topics.COUPON)
public record CouponRevoked(
        String memberId,
        String couponId,
        String templateId,
        String fundingBu,
        String orderId,
        String refundId,
        String reason,
        Instant revokedAt)
        implements DomainEvent {}
