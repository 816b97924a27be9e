package io.unimember.common.events;

import java.time.Instant;

/**
 * A coupon redeemed on an order came back because the order was refunded in full. {@code available}: it was still
 * within its validity and is in the wallet again; otherwise it stays REDEEMED, marked refunded. Either way the
 * redemption's settlement is reversed: {@code fundingBu} no longer owes {@code redeemingBu} the discount.
 */
@EventType(value = "coupon.returned", topic = Topics.COUPON)
public record CouponReturned(
        String memberId,
        String couponId,
        String templateId,
        String fundingBu,
        String redeemingBu,
        long discountFen,
        String orderRef,
        String refundId,
        boolean available,
        Instant returnedAt)
        implements DomainEvent {}
