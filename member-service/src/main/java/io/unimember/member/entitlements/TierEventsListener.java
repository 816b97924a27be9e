package io.unimember.member.entitlements;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.TierChanged;
import io.unimember.common.events.TierGrowthChanged;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** {@code tier.events.v1} into the view: the tier, its benefits and the growth progress. */
@Component
class TierEventsListener {

    static final String CONSUMER = "member-service.entitlements.tier";

    private final EventCodec codec;
    private final Apply apply;
    private final ViewUpdates updates;
    private final JsonMapper json;

    TierEventsListener(EventCodec codec, Apply apply, ViewUpdates updates, JsonMapper json) {
        this.codec = codec;
        this.apply = apply;
        this.updates = updates;
        this.json = json;
    }

    @KafkaListener(topics = Topics.TIER)
    void on(String record) {
        EventEnvelope e = codec.parse(record);
        if (e.is(TierChanged.class)) {
            TierChanged changed = Payloads.read(e, TierChanged.class, json);
            apply.once(CONSUMER, e, () -> updates.tierChanged(changed));
        } else if (e.is(TierGrowthChanged.class)) {
            TierGrowthChanged growth = Payloads.read(e, TierGrowthChanged.class, json);
            apply.once(CONSUMER, e, () -> updates.growthChanged(growth));
        }
    }
}
