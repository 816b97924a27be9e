package io.unimember.common.events;

import java.time.Instant;

/**
 * A reward coupon stays with the member although the order that earned it was refunded in full: it was already used
 * (locked or redeemed). Nothing is clawed back; reconciliation lists the case as {@code REWARD_USED_BEFORE_REFUND}.
 */
@EventType(value = "coupon.reward_kept", topic = Topics.COUPON)
public record RewardKept(
        String memberId,
        String couponId,
        String templateId,
        String fundingBu,
        String orderBu,
        String orderId,
        String refundId,
        Instant keptAt)
        implements DomainEvent {}
