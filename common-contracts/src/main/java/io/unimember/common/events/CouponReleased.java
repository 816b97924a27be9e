package io.unimember.common.events;

/** A lock ended without redemption: {@code reason} is RELEASED or EXPIRED. The coupon is AVAILABLE again. */
@EventType(value = "coupon.released", topic = Topics.COUPON)
public record CouponReleased(String memberId, String couponId, String lockId, String reason) implements DomainEvent {}
