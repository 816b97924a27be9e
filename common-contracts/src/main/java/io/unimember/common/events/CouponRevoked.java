package io.unimember.common.events;

import java.time.Instant;

/**
 * A coupon was taken back unused: a reward whose order was refunded in full ({@code reason} REWARD_REFUNDED), an
 * exchange whose points never came (EXCHANGE_UNPAID), or a paid membership's coupon whose period was refunded
 * (MEMBERSHIP_REFUNDED, {@code orderId} the membership purchase; decision 0065). It never reaches a checkout, so nothing of it settles.
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
