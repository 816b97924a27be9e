package io.unimember.insight.stream;

import io.unimember.common.events.Topics;
import io.unimember.insight.InsightProperties;
import io.unimember.insight.events.EventTime;
import io.unimember.insight.events.InsightEvent;
import io.unimember.insight.events.InsightEventSerde;
import io.unimember.insight.figures.FigureDoc;
import io.unimember.insight.figures.FigureKeys;
import io.unimember.insight.members.MemberStateCodec;
import io.unimember.insight.members.RfmRegistry;
import io.unimember.insight.segments.SegmentCatalog;
import io.unimember.insight.tags.TagCatalog;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The insight topology. The five event topics (keyed by member id, so a member's events meet in one task) feed the
 * member processor, whose state store {@value #MEMBERS_STORE} is partitioned like them; it writes segment
 * memberships to {@value SegmentCatalog#TOPIC} and its figure deltas, pre-aggregated per task, through a
 * one-partition repartition topic into the figures store, so all figures are in one place.
 */
public final class InsightTopology {

    public static final String MEMBERS_STORE = MemberProcessor.MEMBERS;
    static final String MEMBERSHIPS = "memberships";
    static final String FIGURES = "figures";

    /** The topics read; tier events too, for the members by tier. */
    public static final List<String> INPUTS =
            List.of(Topics.ORDER, Topics.MEMBER, Topics.COUPON, Topics.POINTS, Topics.TIER);

    private InsightTopology() {}

    public static void build(
            StreamsBuilder builder,
            InsightProperties properties,
            TagCatalog tags,
            SegmentCatalog segments,
            RfmRegistry registry) {
        build(builder, properties, tags, segments, registry, UnaryOperator.identity());
    }

    /** The topology with its topics renamed (a benchmark's own topics on a shared broker). */
    public static void build(
            StreamsBuilder builder,
            InsightProperties properties,
            TagCatalog tags,
            SegmentCatalog segments,
            RfmRegistry registry,
            UnaryOperator<String> topicNames) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(MemberProcessor.MEMBERS),
                        Serdes.String(),
                        MemberStateCodec.serde())
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(MemberProcessor.BUFFER), Serdes.String(), Serdes.Long()));

        KStream<String, InsightEvent> events = builder.stream(
                INPUTS.stream().map(topicNames).toList(),
                Consumed.with(Serdes.String(), InsightEventSerde.serde())
                        .withTimestampExtractor(new EventTime())
                        .withName("insight-events"));
        KStream<String, Output> out = events.process(
                () -> new MemberProcessor(properties, tags, segments, registry),
                Named.as("members"),
                MemberProcessor.MEMBERS,
                MemberProcessor.BUFFER);

        out.filter((key, value) -> value instanceof Output.Membership, Named.as(MEMBERSHIPS))
                .mapValues(value -> ((Output.Membership) value).json(), Named.as("membership-json"))
                .to(topicNames.apply(SegmentCatalog.TOPIC), Produced.with(Serdes.String(), Serdes.String()));

        out.filter((key, value) -> value instanceof Output.FigureDeltas, Named.as(FIGURES))
                .mapValues(value -> new FigureDoc().add(((Output.FigureDeltas) value).deltas()), Named.as("deltas"))
                .repartition(Repartitioned.<String, FigureDoc>as("figure-deltas")
                        .withKeySerde(Serdes.String())
                        .withValueSerde(FigureDoc.serde())
                        .withNumberOfPartitions(1))
                .groupByKey(Grouped.with(Serdes.String(), FigureDoc.serde()))
                .aggregate(
                        FigureDoc::new,
                        (period, delta, doc) -> doc.add(delta.counts()),
                        Materialized.<String, FigureDoc, KeyValueStore<Bytes, byte[]>>as(FigureKeys.STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(FigureDoc.serde()));
    }
}
