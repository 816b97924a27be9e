package io.unimember.settlement.webhooks;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.inbox.EventCodec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns a batch of events into deliveries, inside the batch's transaction and with a fixed number of statements
 * whatever its size: the relations it teaches, one read of the members' BUs and plans' sellers, one read of the
 * endpoints concerned, one batched insert. Nothing is sent here, so the event path never waits for a receiver.
 */
@Component
class Fanout {

    private final MemberRelations relations;
    private final Endpoints endpoints;
    private final Deliveries deliveries;
    private final EventCodec codec;
    private final Clock clock;

    Fanout(MemberRelations relations, Endpoints endpoints, Deliveries deliveries, EventCodec codec, Clock clock) {
        this.relations = relations;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.codec = codec;
        this.clock = clock;
    }

    void enqueue(List<Concern> batch) {
        relations.remember(
                batch.stream().flatMap(c -> c.relations().stream()).distinct().toList(),
                batch.stream().flatMap(c -> c.sellers().stream()).distinct().toList());
        Set<String> needBus = new HashSet<>();
        Set<String> needSellers = new HashSet<>();
        for (Concern c : batch) {
            if (c.memberBus()) {
                needBus.add(c.envelope().memberId());
            }
            if (c.planCode() != null) {
                needSellers.add(c.envelope().memberId());
            }
        }
        Map<String, Set<String>> memberBus = relations.busOf(needBus);
        Map<String, String> sellers = relations.sellersOf(needSellers);
        List<Routed> routed = new ArrayList<>(batch.size());
        Set<String> allBus = new HashSet<>();
        for (Concern c : batch) {
            Set<String> bus = new HashSet<>(c.bus());
            if (c.memberBus()) {
                bus.addAll(memberBus.getOrDefault(c.envelope().memberId(), Set.of()));
            }
            if (c.planCode() != null) {
                String seller = sellers.get(c.envelope().memberId() + "/" + c.planCode());
                if (seller != null) {
                    bus.add(seller);
                }
            }
            if (!bus.isEmpty()) {
                routed.add(new Routed(c.envelope(), bus));
                allBus.addAll(bus);
            }
        }
        List<Endpoint> concerned = endpoints.ofBus(allBus);
        if (concerned.isEmpty()) {
            return;
        }
        List<Deliveries.New> rows = new ArrayList<>();
        for (Routed r : routed) {
            EventEnvelope e = r.envelope();
            String body = null;
            for (Endpoint endpoint : concerned) {
                if (r.bus().stream().anyMatch(bu -> endpoint.wants(bu, e.type()))) {
                    body = body == null ? codec.toJson(e) : body;
                    rows.add(new Deliveries.New(
                            endpoint.webhookId(), e.eventId().toString(), e.type(), e.memberId(), body));
                }
            }
        }
        deliveries.insertAll(rows, clock.instant());
    }

    /** Writes deliveries of an event made here (not read from Kafka) to every endpoint of its BU that wants it. */
    void enqueueOwn(String bu, String eventId, String eventType, String orderKey, String body) {
        Instant now = clock.instant();
        List<Deliveries.New> rows = endpoints.ofBus(Set.of(bu)).stream()
                .filter(endpoint -> endpoint.wants(bu, eventType))
                .map(endpoint -> new Deliveries.New(endpoint.webhookId(), eventId, eventType, orderKey, body))
                .toList();
        deliveries.insertAll(rows, now);
    }

    private record Routed(EventEnvelope envelope, Set<String> bus) {}
}
