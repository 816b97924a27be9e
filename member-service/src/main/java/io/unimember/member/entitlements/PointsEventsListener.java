package io.unimember.member.entitlements;

import io.unimember.common.events.BalanceChange;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.EventTypes;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventBatches;
import io.unimember.common.inbox.MalformedEventException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** {@code points.events.v1} into the view: each points event's balance snapshot, if newer than the one held. */
@Component
class PointsEventsListener {

    static final String CONSUMER = "member-service.entitlements.points";

    private final EventBatches batches;
    private final ViewUpdates updates;
    private final JsonMapper json;

    PointsEventsListener(EventBatches batches, ViewUpdates updates, JsonMapper json) {
        this.batches = batches;
        this.updates = updates;
        this.json = json;
    }

    /** A batch at a time; events that are no points events the view shows are skipped. */
    @KafkaListener(topics = Topics.POINTS, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(
                CONSUMER,
                records,
                this::balanceOf,
                snapshots -> updates.applyAll(snapshots.stream()
                        .map(s -> new ViewUpdates.Change(
                                s.value().memberId(),
                                () -> updates.pointsChanged(
                                        s.value().memberId(), s.value().balance())))
                        .toList()));
    }

    /** The balance snapshot a points event carries; every points event that changes a balance carries one. */
    private @Nullable BalanceChange balanceOf(EventEnvelope e) {
        var type = EventTypes.classOf(e.type(), BalanceChange.class);
        if (type.isEmpty()) {
            return null;
        }
        BalanceChange change = Payloads.read(e, type.get(), json);
        // records from JSON may lack a component, whatever the types say
        if (change.balance() == null) {
            throw new MalformedEventException(e.type() + " " + e.eventId() + " carries no balance snapshot");
        }
        return change;
    }
}
