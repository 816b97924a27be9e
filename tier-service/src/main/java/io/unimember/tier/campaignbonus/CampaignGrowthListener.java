package io.unimember.tier.campaignbonus;

import io.unimember.common.events.CampaignRewarded;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventBatches;
import io.unimember.common.inbox.MalformedEventException;
import io.unimember.tier.membership.Memberships;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies {@code campaign.rewarded BONUS_GROWTH}, in a consumer group of its own (the paid membership's listener
 * reads the coupon topic in the service's group). Each reward once: its growth entry is keyed by (campaign,
 * occurrence, member) and recorded under the member's lock, so the inbox records nothing (decision 0061).
 */
@Component
class CampaignGrowthListener {

    static final String CONSUMER = "tier-service.campaign-growth";
    private static final long MAX_GROWTH = 1_000_000;

    private final EventBatches batches;
    private final JsonMapper mapper;
    private final Memberships memberships;

    CampaignGrowthListener(EventBatches batches, JsonMapper mapper, Memberships memberships) {
        this.batches = batches;
        this.mapper = mapper;
        this.memberships = memberships;
    }

    @KafkaListener(
            id = "tier-campaign-growth",
            groupId = "${spring.application.name}.campaign-growth",
            topics = Topics.COUPON,
            batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(
                CONSUMER,
                records,
                this::read,
                EventBatches.NO_EVENT,
                rewards -> rewards.forEach(r -> {
                    CampaignRewarded e = r.value();
                    memberships.applyBonusGrowth(e.memberId(), ref(e), growthOf(e), e.rewardedAt());
                }));
    }

    private @Nullable CampaignRewarded read(EventEnvelope envelope) {
        if (!envelope.is(CampaignRewarded.class)) {
            return null;
        }
        try {
            CampaignRewarded e = envelope.dataAs(CampaignRewarded.class, mapper);
            if (!CampaignRewarded.BONUS_GROWTH.equals(e.action())) {
                return null;
            }
            Long growth = e.growth();
            if (growth == null || growth <= 0 || growth > MAX_GROWTH) {
                throw new MalformedEventException("BONUS_GROWTH needs 0 < growth <= " + MAX_GROWTH);
            }
            if (e.memberId().isBlank() || e.memberId().length() > 64) {
                throw new MalformedEventException("campaign.rewarded needs a memberId (<= 64)");
            }
            return e;
        } catch (JacksonException | NullPointerException e) {
            throw new MalformedEventException("campaign.rewarded payload unreadable: " + e.getMessage());
        }
    }

    private static long growthOf(CampaignRewarded e) {
        Long growth = e.growth();
        if (growth == null) {
            throw new IllegalStateException("read() let a BONUS_GROWTH without growth through");
        }
        return growth;
    }

    /** The growth entry's id (128 characters at most): the reward's key, hashed when it is longer. */
    static String ref(CampaignRewarded e) {
        String ref = "campaign:" + e.campaignId() + ":" + e.memberId() + ":" + e.occurrence();
        if (ref.length() <= 128) {
            return ref;
        }
        try {
            return "campaign:"
                    + HexFormat.of()
                            .formatHex(
                                    MessageDigest.getInstance("SHA-256").digest(ref.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException x) {
            throw new IllegalStateException(x);
        }
    }
}
