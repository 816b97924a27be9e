package io.unimember.common.events;

import java.time.Instant;

/** A BU checkout locked a coupon for an order until it is redeemed, released or the lock expires. */
@EventType(value = "coupon.locked", topic = Topics.COUPON)
public record CouponLocked(
        String memberId,
        String couponId,
        String lockId,
        String bu,
        String orderRef,
        long discountFen,
        Instant expiresAt)
        implements DomainEvent {}
