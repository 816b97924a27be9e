package io.unimember.common.events;

import java.time.Instant;

/** A coupon passed its end of validity unused. */
@EventType(value = "coupon.expired", topic = Topics.COUPON)
public record CouponExpired(String memberId, String couponId, Instant expiredAt) implements DomainEvent {}
