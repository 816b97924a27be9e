package io.unimember.insight.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.Topics;
import io.unimember.insight.InsightProperties;
import io.unimember.insight.expressions.Expressions;
import io.unimember.insight.figures.FigureDoc;
import io.unimember.insight.figures.FigureKeys;
import io.unimember.insight.members.MemberState;
import io.unimember.insight.members.RfmRegistry;
import io.unimember.insight.members.RfmScores;
import io.unimember.insight.members.Stage;
import io.unimember.insight.profiles.Profile;
import io.unimember.insight.segments.SegmentCatalog;
import io.unimember.insight.tags.TagCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The topology's figures against values worked out by hand (comments give the arithmetic). Times are 12:00 in
 * Asia/Shanghai (04:00Z), so each event's business day is its UTC date; the last event, on 2026-03-31, is "today".
 */
class TopologyTests {

    private TopologyTestDriver driver;
    private final List<Timed> events = new ArrayList<>();
    private final TagCatalog tags = new TagCatalog();
    private final SegmentCatalog segments = new SegmentCatalog();
    private final RfmRegistry registry = new RfmRegistry();

    private record Timed(String topic, String member, String json, Instant at) {}

    @BeforeEach
    void topology() {
        tags.replace(List.of(
                new TagCatalog.RuleTag(
                        "cross_bu_diner", Expressions.rule("orders30(DINE_IN) >= 1 AND orders30(ENTERTAINMENT) >= 1")),
                new TagCatalog.RuleTag("big_spender", Expressions.rule("monetaryFen365 >= 30000"))));
        segments.replace(List.of(new SegmentCatalog.SegmentRule(
                "seg-diners", Expressions.segment("cross_bu_diner AND NOT stage = DORMANT"))));
        StreamsBuilder builder = new StreamsBuilder();
        InsightTopology.build(builder, InsightProperties.defaults(), tags, segments, registry);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "insight-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), config);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    /** The scenario of the class: five members, each in one lifecycle stage on 2026-03-31. */
    private void scenario() {
        // m1: registered long ago; orders a (289 days before today), b (70), c (21), d (6, ¥10 of ¥30 refunded),
        // e (3, refunded in full)
        add(Topics.MEMBER, "m1", Envelopes.registered("m1", at("2025-01-10")));
        order("m1", "DINE_IN", "a", 20000, "2025-06-15");
        order("m1", "DINE_IN", "b", 5000, "2026-01-20");
        order("m1", "ENTERTAINMENT", "c", 8000, "2026-03-10");
        order("m1", "DINE_IN", "d", 3000, "2026-03-25");
        add(Topics.ORDER, "m1", Envelopes.refund("m1", "DINE_IN", "d", "r1", 1000, at("2026-03-26")));
        order("m1", "HOTEL", "e", 4000, "2026-03-28");
        add(Topics.ORDER, "m1", Envelopes.refund("m1", "HOTEL", "e", "r2", 4000, at("2026-03-29")));
        // m2: back after 181 days without an order
        order("m2", "DINE_IN", "f", 1000, "2025-10-01");
        order("m2", "ENTERTAINMENT", "g", 2000, "2026-03-31");
        // m3: registered 11 days ago, no order; m4: last order 120 days ago; m5: first order 58 days ago
        add(Topics.MEMBER, "m3", Envelopes.registered("m3", at("2026-03-20")));
        add(Topics.MEMBER, "m4", Envelopes.registered("m4", at("2025-01-01")));
        order("m4", "DINE_IN", "h", 6000, "2025-12-01");
        order("m5", "HOTEL", "i", 9000, "2026-02-01");
        // coupons of campaign T1, points balances, tiers
        add(Topics.COUPON, "m1", Envelopes.issued("m1", "T1", "c1", at("2026-03-10")));
        add(Topics.COUPON, "m3", Envelopes.issued("m3", "T1", "c2", at("2026-03-10")));
        add(
                Topics.COUPON,
                "m1",
                Envelopes.redeemed("m1", "T1", "c1", 500, at("2026-03-10").plusSeconds(60)));
        add(Topics.POINTS, "m1", Envelopes.balance("m1", 100, 1, at("2026-03-10")));
        add(Topics.POINTS, "m1", Envelopes.balance("m1", 80, 2, at("2026-03-11")));
        add(Topics.POINTS, "m2", Envelopes.balance("m2", 50, 1, at("2026-03-31").plusSeconds(60)));
        add(Topics.TIER, "m1", Envelopes.tier("m1", "SILVER", 1, at("2026-03-01")));
        add(Topics.TIER, "m1", Envelopes.tier("m1", "GOLD", 2, at("2026-03-15")));
        add(Topics.TIER, "m2", Envelopes.tier("m2", "SILVER", 1, at("2026-03-02")));
        run();
    }

    @Test
    void recencyFrequencyAndMonetaryPerWindowAreWhatTheOrdersMake() {
        scenario();

        Profile m1 = profile("m1");
        assertThat(m1.asOf()).hasToString("2026-03-31");
        assertThat(m1.recencyDays()).isEqualTo(3); // e on 03-28 (refunded, but the member came)
        assertThat(m1.recencyDaysByBu())
                .containsExactly(Map.entry("DINE_IN", 6), Map.entry("ENTERTAINMENT", 21), Map.entry("HOTEL", 3));
        assertThat(m1.frequency30()).isEqualTo(2); // c, d (e refunded in full)
        assertThat(m1.frequency90()).isEqualTo(3); // b, c, d
        assertThat(m1.frequency365()).isEqualTo(4); // a, b, c, d
        assertThat(m1.monetaryFen30()).isEqualTo(10000); // 8000 + (3000 - 1000) + (4000 - 4000)
        assertThat(m1.monetaryFen90()).isEqualTo(15000); // + 5000
        assertThat(m1.monetaryFen365()).isEqualTo(35000); // + 20000
        assertThat(m1.busUsed()).containsExactly("DINE_IN", "ENTERTAINMENT", "HOTEL");
        assertThat(m1.tier()).isEqualTo("GOLD");
        assertThat(profile("m3").recencyDays()).isNull();
    }

    @Test
    void eachMemberIsInTheStageItsDaysWithoutAnOrderGive() {
        scenario();

        assertThat(profile("m1").stage()).isEqualTo(Stage.ACTIVE); // 3 days
        assertThat(profile("m2").stage()).isEqualTo(Stage.WON_BACK); // back today after 181 > 90 days
        assertThat(profile("m3").stage()).isEqualTo(Stage.NEW); // registered 11 < 30 days ago
        assertThat(profile("m4").stage()).isEqualTo(Stage.DORMANT); // 120 > 90 days
        assertThat(profile("m5").stage()).isEqualTo(Stage.AT_RISK); // 58 days, first order 58 >= 30 days ago
        FigureDoc now = figures(FigureKeys.CURRENT);
        for (Stage stage : List.of(Stage.ACTIVE, Stage.WON_BACK, Stage.NEW, Stage.DORMANT, Stage.AT_RISK)) {
            assertThat(now.get(FigureKeys.stage(stage.name()))).as(stage.name()).isEqualTo(1);
        }
    }

    @Test
    void rfmQuintilesRankTheMembersWhoOrdered() {
        scenario();

        // scores rank each member against the members as they stand when the profile is read
        // four ranked members; mid-rank p = (below + equal / 2) / 4, score = 1 + floor(5p)
        // R by last order day: m4 12-01 (p .125 -> 1), m5 02-01 (.375 -> 2), m1 03-28 (.625 -> 4), m2 03-31 (.875 -> 5)
        // F365: m4 1, m5 1 (p .25 -> 2), m2 2 (.625 -> 4), m1 4 (.875 -> 5)
        // M365: m2 3000 (.125 -> 1), m4 6000 (.375 -> 2), m5 9000 (.625 -> 4), m1 35000 (.875 -> 5)
        assertThat(profile("m1").rfm()).isEqualTo(new RfmScores(4, 5, 5));
        assertThat(profile("m2").rfm()).isEqualTo(new RfmScores(5, 4, 1));
        assertThat(profile("m4").rfm()).isEqualTo(new RfmScores(1, 2, 2));
        assertThat(profile("m5").rfm()).isEqualTo(new RfmScores(2, 2, 4));
        assertThat(profile("m3").rfm()).isEqualTo(RfmScores.UNRANKED);
    }

    @Test
    void ruleTagsAndSegmentsFollowTheFigures() {
        TestOutputTopic<String, String> memberships =
                driver.createOutputTopic(SegmentCatalog.TOPIC, new StringDeserializer(), new StringDeserializer());
        scenario();

        // m1: DINE_IN 6 and ENTERTAINMENT 21 days ago, both within 30; 35000 >= 30000
        assertThat(profile("m1").tags()).containsExactly("big_spender", "cross_bu_diner");
        // m2: ENTERTAINMENT today, DINE_IN 181 days ago
        assertThat(profile("m2").tags()).isEmpty();
        assertThat(profile("m1").segments()).containsExactly("seg-diners");
        var published = memberships.readKeyValuesToMap();
        assertThat(published).containsOnlyKeys("seg-diners:m1");
        assertThat(published.get("seg-diners:m1")).contains("\"memberId\":\"m1\"");
        assertThat(figures(FigureKeys.CURRENT).get(FigureKeys.segment("seg-diners")))
                .isEqualTo(1);
    }

    @Test
    void aMemberLeavingASegmentIsATombstone() {
        TestOutputTopic<String, String> memberships =
                driver.createOutputTopic(SegmentCatalog.TOPIC, new StringDeserializer(), new StringDeserializer());
        order("m9", "DINE_IN", "x1", 100, "2026-03-01");
        order("m9", "ENTERTAINMENT", "x2", 100, "2026-03-02");
        // 31 days after the DINE_IN order: the rule no longer holds
        order("m8", "RETAIL", "x3", 100, "2026-04-01");
        run();

        var records = memberships.readKeyValuesToList();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).key).isEqualTo("seg-diners:m9");
        assertThat(records.get(0).value).isNotNull();
        assertThat(records.get(1).key).isEqualTo("seg-diners:m9");
        assertThat(records.get(1).value).isNull();
        assertThat(figures(FigureKeys.CURRENT).get(FigureKeys.segment("seg-diners")))
                .isZero();
    }

    @Test
    void campaignFiguresCountIssuesRedemptionsAndCostPerDayAndMonth() {
        scenario();

        for (String period : List.of("D2026-03-10", "M2026-03")) {
            FigureDoc doc = figures(period);
            assertThat(doc.get(FigureKeys.issued("T1"))).as(period).isEqualTo(2);
            assertThat(doc.get(FigureKeys.redeemed("T1"))).as(period).isEqualTo(1);
            assertThat(doc.get(FigureKeys.costFen("T1"))).as(period).isEqualTo(500);
        }
        assertThat(figures("D2026-03-11").get(FigureKeys.issued("T1"))).isZero();
    }

    @Test
    void crossBuConversionCountsACohortsFirstOrdersInOtherBus() {
        scenario();

        // m1 came through DINE_IN in June 2025, then ordered in ENTERTAINMENT and HOTEL
        FigureDoc june = figures("M2025-06");
        assertThat(june.get(FigureKeys.acquired("DINE_IN"))).isEqualTo(1);
        assertThat(june.get(FigureKeys.converted("DINE_IN", "ENTERTAINMENT"))).isEqualTo(1);
        assertThat(june.get(FigureKeys.converted("DINE_IN", "HOTEL"))).isEqualTo(1);
        // m2 came through DINE_IN in October 2025 and ordered in ENTERTAINMENT in March 2026: October's cohort
        FigureDoc october = figures("M2025-10");
        assertThat(october.get(FigureKeys.acquired("DINE_IN"))).isEqualTo(1);
        assertThat(october.get(FigureKeys.converted("DINE_IN", "ENTERTAINMENT")))
                .isEqualTo(1);
        assertThat(figures("M2026-03").get(FigureKeys.converted("DINE_IN", "ENTERTAINMENT")))
                .isZero();
        assertThat(figures("M2026-02").get(FigureKeys.acquired("HOTEL"))).isEqualTo(1); // m5
    }

    @Test
    void tiersAndPointsLiabilityAreLevelsMovedByTheNewestEvents() {
        scenario();
        // a stale balance again: version 1 < 2, ignored
        add(Topics.POINTS, "m1", Envelopes.balance("m1", 100, 1, at("2026-03-31")));
        run();

        FigureDoc now = figures(FigureKeys.CURRENT);
        assertThat(now.get(FigureKeys.tier("GOLD"))).isEqualTo(1); // m1 SILVER -> GOLD
        assertThat(now.get(FigureKeys.tier("SILVER"))).isEqualTo(1); // m2
        assertThat(now.get(FigureKeys.LIABILITY)).isEqualTo(130); // m1 80 + m2 50
        assertThat(figures("D2026-03-10").get(FigureKeys.LIABILITY)).isEqualTo(100);
        assertThat(figures("D2026-03-11").get(FigureKeys.LIABILITY)).isEqualTo(-20);
        assertThat(figures("D2026-03-31").get(FigureKeys.LIABILITY)).isEqualTo(50);
    }

    @Test
    void aRedeliveredOrderOrRefundChangesNothing() {
        scenario();
        Profile before = profile("m1");
        FigureDoc dayBefore = figures("D2026-03-25");
        order("m1", "DINE_IN", "d", 3000, "2026-03-25");
        add(Topics.ORDER, "m1", Envelopes.refund("m1", "DINE_IN", "d", "r1", 1000, at("2026-03-26")));
        run();

        assertThat(profile("m1")).isEqualTo(before);
        assertThat(figures("D2026-03-25")).isEqualTo(dayBefore);
        assertThat(dayBefore.get(FigureKeys.ORDERS)).isEqualTo(1);
        assertThat(dayBefore.get(FigureKeys.GMV_FEN)).isEqualTo(3000);
    }

    @Test
    void anUnreadableEventIsSkipped() {
        add(Topics.ORDER, "m7", "not json");
        add(Topics.ORDER, "m7", Envelopes.envelope("order.completed", "m7", at("2026-03-01"), "{\"bu\":\"X\"}"));
        order("m7", "DINE_IN", "ok", 100, "2026-03-01");
        run();

        assertThat(profile("m7").frequency30()).isEqualTo(1);
    }

    // ---------------------------------------------------------------------------------

    private void order(String member, String bu, String orderId, long fen, String day) {
        add(Topics.ORDER, member, Envelopes.order(member, bu, orderId, fen, at(day)));
    }

    private void add(String topic, String member, String json) {
        add(topic, member, json, Instant.EPOCH);
    }

    private void add(String topic, String member, String json, Instant sortAt) {
        events.add(new Timed(topic, member, json, sortAt));
    }

    /** Pipes the events added, in the order of their time (as the topics would deliver them), then flushes. */
    private void run() {
        events.sort(Comparator.comparing(t -> time(t.json())));
        for (Timed e : events) {
            TestInputTopic<String, String> topic =
                    driver.createInputTopic(e.topic(), new StringSerializer(), new StringSerializer());
            topic.pipeInput(e.member(), e.json());
        }
        events.clear();
        driver.advanceWallClockTime(Duration.ofSeconds(2));
    }

    private static Instant time(String json) {
        int at = json.indexOf("\"occurredAt\":\"");
        return at < 0 ? Instant.EPOCH : Instant.parse(json.substring(at + 14, json.indexOf('"', at + 14)));
    }

    private Profile profile(String member) {
        KeyValueStore<String, MemberState> store = driver.getKeyValueStore(InsightTopology.MEMBERS_STORE);
        MemberState state = store.get(member);
        assertThat(state).as(member).isNotNull();
        // the test driver runs one task, of partition 0
        return Profile.of(member, state, registry.scores(0, state), List.of());
    }

    private FigureDoc figures(String period) {
        KeyValueStore<String, FigureDoc> store = driver.getKeyValueStore(FigureKeys.STORE);
        FigureDoc doc = store.get(period);
        return doc == null ? new FigureDoc() : doc;
    }

    static Instant at(String day) {
        return Instant.parse(day + "T04:00:00Z");
    }
}
