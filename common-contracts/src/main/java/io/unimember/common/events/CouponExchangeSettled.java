package io.unimember.common.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What became of an exchange's points hold: {@code confirm} when its coupon was issued (points-service spends the
 * hold), else the hold is released; {@code reason} says why not (sold out, pool spent, timed out).
 */
@EventType(value = "coupon.exchange_settled", topic = Topics.COUPON)
public record CouponExchangeSettled(
        String memberId,
        String exchangeId,
        String holdId,
        String fundingBu,
        boolean confirm,
        @Nullable String couponId,
        @Nullable String reason,
        Instant settledAt)
        implements DomainEvent {}
