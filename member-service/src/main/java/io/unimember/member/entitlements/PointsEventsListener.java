package io.unimember.member.entitlements;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.PointsBalance;
import io.unimember.common.events.PointsEarned;
import io.unimember.common.events.PointsExpired;
import io.unimember.common.events.PointsHeld;
import io.unimember.common.events.PointsRedeemed;
import io.unimember.common.events.PointsReleased;
import io.unimember.common.events.PointsReversed;
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

    private record Snapshot(String memberId, PointsBalance balance) {}

    private @Nullable Snapshot balanceOf(EventEnvelope e) {
        Snapshot snapshot;
        if (e.is(PointsEarned.class)) {
            var p = Payloads.read(e, PointsEarned.class, json);
            snapshot = new Snapshot(p.memberId(), p.balance());
        } else if (e.is(PointsReversed.class)) {
            var p = Payloads.read(e, PointsReversed.class, json);
            snapshot = new Snapshot(p.memberId(), p.balance());
        } else if (e.is(PointsHeld.class)) {
            var p = Payloads.read(e, PointsHeld.class, json);
            snapshot = new Snapshot(p.memberId(), p.balance());
        } else if (e.is(PointsReleased.class)) {
            var p = Payloads.read(e, PointsReleased.class, json);
            snapshot = new Snapshot(p.memberId(), p.balance());
        } else if (e.is(PointsRedeemed.class)) {
            var p = Payloads.read(e, PointsRedeemed.class, json);
            snapshot = new Snapshot(p.memberId(), p.balance());
        } else if (e.is(PointsExpired.class)) {
            var p = Payloads.read(e, PointsExpired.class, json);
            snapshot = new Snapshot(p.memberId(), p.balance());
        } else {
            return null;
        }
        if (snapshot.balance() == null) {
            throw new MalformedEventException(e.type() + " " + e.eventId() + " carries no balance snapshot");
        }
        return snapshot;
    }
}
