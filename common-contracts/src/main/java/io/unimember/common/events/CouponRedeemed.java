package io.unimember.common.events;

import java.time.Instant;

/** A coupon was used: {@code fundingBu} owes {@code redeemingBu} the discount. */
@EventType(value = "coupon.redeemed", topic = Topics.COUPON)
public record CouponRedeemed(
        String memberId,
        String couponId,
        String templateId,
        String fundingBu,
        String redeemingBu,
        long discountFen,
        String orderRef,
        Instant redeemedAt)
        implements DomainEvent {}
