package io.unimember.insight.stream;

import io.unimember.insight.InsightProperties;
import io.unimember.insight.events.InsightEvent;
import io.unimember.insight.figures.FigureKeys;
import io.unimember.insight.members.Lifecycle;
import io.unimember.insight.members.MemberEvents;
import io.unimember.insight.members.MemberFacts;
import io.unimember.insight.members.MemberState;
import io.unimember.insight.members.RfmPercentiles;
import io.unimember.insight.members.RfmRegistry;
import io.unimember.insight.members.RfmScores;
import io.unimember.insight.members.Stage;
import io.unimember.insight.segments.SegmentCatalog;
import io.unimember.insight.tags.TagCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per event: the member's state is read, the event applied, the member evaluated as of the task's event time (stage,
 * RFM, rule tags, segments), the state written back, and what changed is handed on: memberships at once, figure
 * deltas gathered in a changelogged buffer and handed on every {@code flushEvery}. When the task's event time enters
 * a new day every member of the task is evaluated again, since stages and windows move with time alone.
 */
final class MemberProcessor implements Processor<String, InsightEvent, String, Output> {

    static final String MEMBERS = "insight-members";
    static final String BUFFER = "insight-figure-buffer";

    private final InsightProperties properties;
    private final TagCatalog tags;
    private final SegmentCatalog segments;
    private final MemberEvents events;
    private final Days days;
    private final RfmPercentiles percentiles = new RfmPercentiles();
    private final FigureBuffer buffer = new FigureBuffer();

    private ProcessorContext<String, Output> context;
    private KeyValueStore<String, MemberState> members;
    private KeyValueStore<String, Long> pending;
    private int scannedDay = MemberState.NONE;

    private final RfmRegistry registry;
    private int partition = -1;

    MemberProcessor(InsightProperties properties, TagCatalog tags, SegmentCatalog segments, RfmRegistry registry) {
        this.registry = registry;
        this.properties = properties;
        this.tags = tags;
        this.segments = segments;
        this.events = new MemberEvents(properties.maxOrdersKept());
        this.days = new Days(properties.zone());
    }

    /** Kafka Streams calls this before any {@link #process}, so the fields it sets are never read unset. */
    @Initializer
    @Override
    public void init(ProcessorContext<String, Output> context) {
        this.context = context;
        this.members = context.getStateStore(MEMBERS);
        this.pending = context.getStateStore(BUFFER);
        try (KeyValueIterator<String, MemberState> all = members.all()) {
            all.forEachRemaining(kv -> percentiles.restore(kv.value));
        }
        partition = context.taskId().partition();
        registry.register(partition, percentiles);
        context.schedule(properties.flushEvery(), PunctuationType.WALL_CLOCK_TIME, now -> flush());
        context.schedule(Duration.ofMinutes(10), PunctuationType.STREAM_TIME, this::newDay);
    }

    @Override
    public void process(Record<String, InsightEvent> record) {
        InsightEvent event = record.value();
        if (event == null || event instanceof InsightEvent.Ignored || record.key() == null) {
            return;
        }
        String memberId = record.key();
        int asOf = days.of(Math.max(context.currentStreamTimeMs(), record.timestamp()));
        int day = days.of(event.at());
        MemberState state = members.get(memberId);
        if (state == null) {
            state = new MemberState();
        }
        apply(state, event, day);
        events.prune(state, asOf);
        evaluate(memberId, state, asOf);
        members.put(memberId, state);
        buffer.writeTo(pending);
    }

    private void apply(MemberState state, InsightEvent event, int day) {
        switch (event) {
            case InsightEvent.Registered r -> {
                if (state.registeredDay() == MemberState.NONE) {
                    buffer.flow(day, FigureKeys.REGISTERED, 1);
                }
                events.registered(state, day);
            }
            case InsightEvent.OrderCompleted order -> {
                MemberEvents.OrderOutcome outcome = events.order(state, order, day, properties.dormantDays());
                if (outcome.applied()) {
                    buffer.flow(day, FigureKeys.ORDERS, 1);
                    buffer.flow(day, FigureKeys.GMV_FEN, order.amountFen());
                    if (outcome.firstOrder()) {
                        buffer.flow(day, FigureKeys.acquired(order.bu()), 1);
                    } else if (outcome.firstInBu() && state.acquiringBu() != null) {
                        // counted in the acquisition cohort's period: "of 100 new members from A, how many order in B"
                        buffer.flow(state.firstOrderDay(), FigureKeys.converted(state.acquiringBu(), order.bu()), 1);
                    }
                }
            }
            case InsightEvent.OrderRefunded refund -> {
                if (events.refund(state, refund)) {
                    buffer.flow(day, FigureKeys.REFUND_FEN, refund.refundFen());
                }
            }
            case InsightEvent.CouponIssued issued -> {
                events.couponIssued(state);
                buffer.flow(day, FigureKeys.issued(issued.campaign()), 1);
            }
            case InsightEvent.CouponRedeemed redeemed -> {
                events.couponRedeemed(state, true);
                buffer.flow(day, FigureKeys.redeemed(redeemed.campaign()), 1);
                buffer.flow(day, FigureKeys.costFen(redeemed.campaign()), redeemed.discountFen());
            }
            case InsightEvent.CouponReturned returned -> {
                events.couponRedeemed(state, false);
                buffer.flow(day, FigureKeys.redeemed(returned.campaign()), -1);
                buffer.flow(day, FigureKeys.costFen(returned.campaign()), -returned.discountFen());
            }
            case InsightEvent.PointsBalance balance -> {
                long before = state.pointsAvailable();
                if (events.balance(state, balance)) {
                    buffer.level(day, FigureKeys.LIABILITY, state.pointsAvailable() - before);
                }
            }
            case InsightEvent.TierChanged change -> {
                String before = state.tier();
                if (events.tier(state, change) && !change.tier().equals(before)) {
                    if (before != null) {
                        buffer.level(day, FigureKeys.tier(before), -1);
                    }
                    buffer.level(day, FigureKeys.tier(change.tier()), 1);
                }
            }
            case InsightEvent.Ignored ignored -> {}
        }
    }

    /** Stage, RFM, tags and segments as of {@code asOf}; hands on what changed. */
    private void evaluate(String memberId, MemberState state, int asOf) {
        Stage stage = Lifecycle.stage(state, asOf, properties);
        if (stage != state.countedStage()) {
            if (state.countedStage() != null) {
                buffer.level(asOf, FigureKeys.stage(state.countedStage().name()), -1);
            }
            buffer.level(asOf, FigureKeys.stage(stage.name()), 1);
            state.countedStage(stage);
        }
        percentiles.update(state, asOf);
        RfmScores rfm = percentiles.scores(state);
        state.evaluated(asOf, rfm);

        TreeSet<String> ruleTags = new TreeSet<>();
        MemberFacts facts = new MemberFacts(state, asOf, stage, rfm, ruleTags);
        for (TagCatalog.RuleTag tag : tags.rules()) {
            if (tag.rule().test(facts)) {
                ruleTags.add(tag.name());
            }
        }
        state.tags().clear();
        state.tags().addAll(ruleTags);

        List<SegmentCatalog.SegmentRule> all = segments.segments();
        if (all.isEmpty() && state.segments().isEmpty()) {
            return;
        }
        TreeSet<String> now = new TreeSet<>();
        for (SegmentCatalog.SegmentRule segment : all) {
            if (segment.expression().test(facts)) {
                now.add(segment.segmentId());
            }
        }
        for (String left : new ArrayList<>(state.segments())) {
            if (!now.contains(left)) {
                membership(memberId, left, false, asOf);
            }
        }
        for (String joined : now) {
            if (!state.segments().contains(joined)) {
                membership(memberId, joined, true, asOf);
            }
        }
        state.segments().clear();
        state.segments().addAll(now);
    }

    private void membership(String memberId, String segmentId, boolean in, int asOf) {
        buffer.level(asOf, FigureKeys.segment(segmentId), in ? 1 : -1);
        String json = in
                ? "{\"segmentId\":\"" + segmentId + "\",\"memberId\":\"" + memberId + "\",\"since\":\""
                        + Days.date(asOf) + "\"}"
                : null;
        context.forward(
                new Record<>(segmentId + ":" + memberId, new Output.Membership(json), context.currentStreamTimeMs()));
    }

    /** The first time the task's event time is seen in a day, every member is evaluated as of that day. */
    private void newDay(long streamTime) {
        int today = days.of(streamTime);
        if (scannedDay == MemberState.NONE) {
            scannedDay = today;
            return;
        }
        if (today <= scannedDay) {
            return;
        }
        scannedDay = today;
        List<KeyValue<String, MemberState>> changed = new ArrayList<>();
        try (KeyValueIterator<String, MemberState> all = members.all()) {
            while (all.hasNext()) {
                KeyValue<String, MemberState> kv = all.next();
                MemberState state = kv.value;
                events.prune(state, today);
                evaluate(kv.key, state, today);
                changed.add(KeyValue.pair(kv.key, state));
                if (changed.size() >= 1000) {
                    members.putAll(changed);
                    changed.clear();
                    buffer.writeTo(pending);
                }
            }
        }
        members.putAll(changed);
        buffer.writeTo(pending);
    }

    @Override
    public void close() {
        registry.unregister(partition, percentiles);
    }

    /** Hands on the buffered deltas, one record per period. */
    private void flush() {
        Map<String, Map<String, Long>> byPeriod = new HashMap<>();
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = pending.all()) {
            all.forEachRemaining(kv -> {
                int bar = kv.key.indexOf('|');
                byPeriod.computeIfAbsent(kv.key.substring(0, bar), p -> new HashMap<>())
                        .put(kv.key.substring(bar + 1), kv.value);
                keys.add(kv.key);
            });
        }
        long now = Math.max(0, context.currentStreamTimeMs());
        byPeriod.forEach(
                (period, deltas) -> context.forward(new Record<>(period, new Output.FigureDeltas(deltas), now)));
        keys.forEach(pending::delete);
    }
}
