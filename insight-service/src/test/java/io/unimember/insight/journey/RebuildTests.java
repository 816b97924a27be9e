package io.unimember.insight.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.Topics;
import io.unimember.insight.InsightIntegrationTest;
import io.unimember.insight.InsightProperties;
import io.unimember.insight.figures.FigureDoc;
import io.unimember.insight.figures.FigureKeys;
import io.unimember.insight.members.MemberState;
import io.unimember.insight.members.RfmRegistry;
import io.unimember.insight.profiles.Profile;
import io.unimember.insight.queries.StoreQueries;
import io.unimember.insight.segments.SegmentCatalog;
import io.unimember.insight.stream.InsightTopology;
import io.unimember.insight.tags.TagCatalog;
import io.unimember.testsupport.TestInfrastructure;
import io.unimember.testsupport.TestKafka;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rebuild gives the same numbers: a second topology under a new application id (no offsets, no state: what a
 * reset and a wiped state directory leave) reprocesses the topics from the beginning and ends with the same member
 * states and figures as the running service.
 */
@InsightIntegrationTest
class RebuildTests {

    @Autowired
    StoreQueries stores;

    @Autowired
    InsightProperties properties;

    @Autowired
    TagCatalog tags;

    @Autowired
    SegmentCatalog segments;

    @Autowired
    RfmRegistry liveRanks;

    @Test
    void reprocessingTheTopicsFromScratchGivesTheSameProfilesAndFigures() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Random random = new Random(31);
        List<String> members = new ArrayList<>();
        Instant now = Instant.now();
        String[] bus = {"DINE_IN", "ENTERTAINMENT", "HOTEL", "RETAIL"};
        for (int m = 0; m < 30; m++) {
            String member = "rb-" + run + "-" + m;
            members.add(member);
            for (int o = 0; o < 1 + random.nextInt(4); o++) {
                Instant at = now.minus(Duration.ofDays(random.nextInt(200)));
                String orderId = member + "-o" + o;
                TestKafka.send(
                        Topics.ORDER,
                        member,
                        InsightJourneyTests.order(
                                member, bus[random.nextInt(bus.length)], orderId, 100 + random.nextInt(50_000), at));
            }
            TestKafka.send(
                    Topics.COUPON,
                    member,
                    InsightJourneyTests.envelope(
                            "coupon.issued",
                            member,
                            now,
                            """
                    {"memberId":"%s","couponId":"c-%s","templateId":"RB-%s","issuedAt":"%s"}"""
                                    .formatted(member, member, run, now)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> live(members.getLast()) != null);

        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "insight-rebuild-" + run);
        config.put(
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        config.put(
                StreamsConfig.STATE_DIR_CONFIG,
                Files.createTempDirectory("insight-rebuild").toString());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        config.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        StreamsBuilder builder = new StreamsBuilder();
        RfmRegistry rebuiltRanks = new RfmRegistry();
        InsightTopology.build(builder, properties, tags, segments, rebuiltRanks);
        try (KafkaStreams rebuild = new KafkaStreams(builder.build(), config)) {
            rebuild.start();
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        assertThat(rebuild.state()).isEqualTo(KafkaStreams.State.RUNNING);
                        ReadOnlyKeyValueStore<String, MemberState> rebuilt =
                                rebuild.store(StoreQueryParameters.fromNameAndType(
                                        InsightTopology.MEMBERS_STORE, QueryableStoreTypes.keyValueStore()));
                        for (String member : members) {
                            MemberState again = rebuilt.get(member);
                            assertThat(again).as(member).isNotNull();
                            int partition = StoreQueries.partitionOf(member, 3);
                            MemberState held = live(member);
                            assertThat(Profile.of(member, again, rebuiltRanks.scores(partition, again), List.of()))
                                    .as(
                                            "partition %d ranks %d rebuilt, %d live",
                                            partition, rebuiltRanks.ranked(partition), liveRanks.ranked(partition))
                                    .isEqualTo(Profile.of(member, held, liveRanks.scores(partition, held), List.of()));
                        }
                        ReadOnlyKeyValueStore<String, FigureDoc> figures =
                                rebuild.store(StoreQueryParameters.fromNameAndType(
                                        FigureKeys.STORE, QueryableStoreTypes.keyValueStore()));
                        FigureDoc liveCurrent =
                                stores.<FigureDoc>local(FigureKeys.STORE).get(FigureKeys.CURRENT);
                        assertThat(figures.get(FigureKeys.CURRENT)).isEqualTo(liveCurrent);
                        String month = FigureKeys.month(java.time.YearMonth.now(properties.zone()));
                        FigureDoc rebuiltMonth = figures.get(month);
                        // flows count on their event's day, a level's change (a stage) on the day it was evaluated,
                        // which a rebuild walks through differently: levels compare as of now (CURRENT, above)
                        assertThat(flows(rebuiltMonth))
                                .isEqualTo(flows(stores.<FigureDoc>local(FigureKeys.STORE)
                                        .get(month)));
                        assertThat(rebuiltMonth.get(FigureKeys.issued("RB-" + run)))
                                .isEqualTo(30);
                    });
            rebuild.close(Duration.ofSeconds(10));
        }
    }

    private static java.util.Map<String, Long> flows(FigureDoc doc) {
        var flows = new java.util.TreeMap<>(doc.counts());
        flows.keySet().removeIf(FigureKeys::isLevel);
        return flows;
    }

    private MemberState live(String member) {
        return stores.<MemberState>local(InsightTopology.MEMBERS_STORE).get(member);
    }
}
