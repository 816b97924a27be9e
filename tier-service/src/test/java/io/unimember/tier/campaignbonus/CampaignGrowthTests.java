package io.unimember.tier.campaignbonus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.CampaignRewarded;
import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.TierChanged;
import io.unimember.tier.TierIntegrationTest;
import io.unimember.tier.TierTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code campaign.rewarded BONUS_GROWTH} over Kafka (decision 0067): the growth counts as an order's would, once
 * however often it is delivered, and crossing a threshold upgrades at once; a coupon reward is not growth.
 */
@TierIntegrationTest
class CampaignGrowthTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    TierTestSupport support;

    @Test
    void bonusGrowthCountsOnceAndUpgrades() {
        String member = "m-" + UUID.randomUUID();
        String order = "o-" + UUID.randomUUID();
        support.send(new OrderCompleted(member, "DINE_IN", order, 50_000, null, Instant.now(), 500)); // 500 growth
        await().atMost(WAIT).until(() -> support.orderRecorded("DINE_IN", order));

        CampaignRewarded bonus = growth(member, "c-" + UUID.randomUUID(), 1_600);
        String json = support.send(bonus);
        support.sendAgain(io.unimember.common.events.Topics.COUPON, member, json); // delivered again
        support.send(coupon(member)); // not growth: skipped
        String later = "c-" + UUID.randomUUID();
        support.send(growth(member, later, 1)); // same partition: applied once the others are
        await().atMost(WAIT).until(() -> support.storedGrowth(member) == 500 + 1_600 + 1);

        assertThat(support.tierOf(member)).isEqualTo("GOLD");
        TierChanged gold = support.tierEvents(member, 4).stream()
                .filter(TierTestSupport.Published::isChange)
                .map(TierTestSupport.Published::changed)
                .filter(c -> "GOLD".equals(c.to()))
                .findFirst()
                .orElseThrow();
        assertThat(gold.reason()).isEqualTo("UPGRADE");
        assertThat(gold.growth()).isEqualTo(2_100);
    }

    @Test
    void aLongKeyIsHashedToFitTheEntry() {
        var e = growth("m-x", "c".repeat(64), 5);
        assertThat(CampaignGrowthListener.ref(e)).hasSizeLessThanOrEqualTo(128);
    }

    private static CampaignRewarded growth(String member, String campaign, long growth) {
        return new CampaignRewarded(
                member,
                campaign,
                CampaignRewarded.BONUS_GROWTH,
                "x".repeat(campaign.length() > 60 ? 100 : 1),
                "PLATFORM",
                null,
                null,
                null,
                Instant.now(),
                null,
                null,
                null,
                growth);
    }

    private static CampaignRewarded coupon(String member) {
        return CampaignRewarded.coupon(
                member, "c-" + UUID.randomUUID(), "registered", "PLATFORM", "cp-1", "tpl-1", null, Instant.now());
    }
}
