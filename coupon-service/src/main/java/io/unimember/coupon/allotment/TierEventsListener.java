package io.unimember.coupon.allotment;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.TierChanged;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventBatches;
import io.unimember.common.inbox.MalformedEventException;
import io.unimember.coupon.campaigns.TierCampaigns;
import io.unimember.coupon.support.Times;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Keeps the member tier projection from tier.changed and fires TIER_CHANGED campaigns, each event applied once. */
@Component
class TierEventsListener {

    static final String CONSUMER = "coupon-service.allotment";

    private final EventBatches batches;
    private final JsonMapper mapper;
    private final MemberTiers tiers;
    private final TierCampaigns campaigns;
    private final Clock clock;

    TierEventsListener(
            EventBatches batches, JsonMapper mapper, MemberTiers tiers, TierCampaigns campaigns, Clock clock) {
        this.batches = batches;
        this.mapper = mapper;
        this.tiers = tiers;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @KafkaListener(id = "coupon-tiers", idIsGroup = false, topics = Topics.TIER, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(CONSUMER, records, this::read, changes -> {
            var now = Times.now(clock);
            List<TierChanged> events =
                    changes.stream().map(EventBatches.Read::value).toList();
            tiers.applyAll(events, now);
            campaigns.onTiersChanged(events); // the TIER_CHANGED trigger, in the same transaction
        });
    }

    private @Nullable TierChanged read(EventEnvelope event) {
        if (!event.is(TierChanged.class)) {
            return null;
        }
        try {
            return event.dataAs(TierChanged.class, mapper);
        } catch (JacksonException e) {
            throw new MalformedEventException("tier.changed without a readable payload: " + e.getOriginalMessage());
        }
    }
}
