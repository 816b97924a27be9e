package io.unimember.common.events;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A 神券 landed in a member's wallet. {@code channel} is how: CLAIM, GRANT, REWARD or ALLOTMENT. The coupon's terms
 * travel with it so consumers can compute discounts without asking coupon-service.
 */
@EventType(value = "coupon.issued", topic = Topics.COUPON)
public record CouponIssued(
        String memberId,
        String couponId,
        String templateId,
        String name,
        String kind,
        long discountFen,
        @Nullable Integer percentOff,
        @Nullable Long maxDiscountFen,
        long minSpendFen,
        List<String> scenes,
        String fundingBu,
        String channel,
        Instant issuedAt,
        Instant expiresAt)
        implements DomainEvent {}
