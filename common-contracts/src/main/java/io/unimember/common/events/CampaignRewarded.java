package io.unimember.common.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A campaign acted for a member, once per action for this (campaign, member, trigger occurrence) (design §12). For
 * {@code GRANT_COUPON} the coupon is named; the order is the one that fired the campaign, if an order did.
 * {@code BONUS_POINTS} carries either {@code points} (credited at once, funded by {@code fundingBu}) or {@code
 * multiplierBp} with {@code windowEndsAt} (the member's orders from {@code rewardedAt} until then earn that much
 * more); {@code BONUS_GROWTH} carries {@code growth}. points-service and tier-service apply them (decision 0067).
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
        Instant rewardedAt,
        @Nullable Long points,
        @Nullable Integer multiplierBp,
        @Nullable Instant windowEndsAt,
        @Nullable Long growth)
        implements DomainEvent {

    public static final String GRANT_COUPON = "GRANT_COUPON";
    public static final String BONUS_POINTS = "BONUS_POINTS";
    public static final String BONUS_GROWTH = "BONUS_GROWTH";

    /** A coupon granted. */
    public static CampaignRewarded coupon(
            String memberId,
            String campaignId,
            String occurrence,
            String fundingBu,
            String couponId,
            String templateId,
            @Nullable String orderId,
            Instant rewardedAt) {
        return new CampaignRewarded(
                memberId,
                campaignId,
                GRANT_COUPON,
                occurrence,
                fundingBu,
                couponId,
                templateId,
                orderId,
                rewardedAt,
                null,
                null,
                null,
                null);
    }
}
