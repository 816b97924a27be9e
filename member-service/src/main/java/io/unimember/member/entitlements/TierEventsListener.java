package io.unimember.member.entitlements;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.TierChanged;
import io.unimember.common.events.TierGrowthChanged;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventBatches;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** {@code tier.events.v1} into the view: the tier, its benefits and the growth progress. */
@Component
class TierEventsListener {

    static final String CONSUMER = "member-service.entitlements.tier";

    private final EventBatches batches;
    private final ViewUpdates updates;
    private final JsonMapper json;

    TierEventsListener(EventBatches batches, ViewUpdates updates, JsonMapper json) {
        this.batches = batches;
        this.updates = updates;
        this.json = json;
    }

    @KafkaListener(topics = Topics.TIER, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(
                CONSUMER,
                records,
                this::change,
                changes -> updates.applyAll(
                        changes.stream().map(EventBatches.Read::value).toList()));
    }

    private ViewUpdates.@Nullable Change change(EventEnvelope e) {
        if (e.is(TierChanged.class)) {
            TierChanged changed = Payloads.read(e, TierChanged.class, json);
            return new ViewUpdates.Change(changed.memberId(), () -> updates.tierChanged(changed));
        }
        if (e.is(TierGrowthChanged.class)) {
            TierGrowthChanged growth = Payloads.read(e, TierGrowthChanged.class, json);
            return new ViewUpdates.Change(growth.memberId(), () -> updates.growthChanged(growth));
        }
        return null;
    }
}
