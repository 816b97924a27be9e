package io.unimember.common.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A campaign acted for a member, once for this (campaign, member, trigger occurrence) (design §12). For
 * {@code GRANT_COUPON} the coupon is named; the order is the one that fired the campaign, if an order did.
 */
@EventType(value = "campaign.rewarded", topic = Topics.COUPON)
public record CampaignRewarded(
        String memberId,
        String campaignId,
        String action,
        String occurrence,
        String fundingBu,
        @Nullable String couponId,
        @Nullable String templateId,
        @Nullable String orderId,
        Instant rewardedAt)
        implements DomainEvent {}
