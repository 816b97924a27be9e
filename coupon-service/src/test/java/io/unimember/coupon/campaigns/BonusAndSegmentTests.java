package io.unimember.coupon.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.Topics;
import io.unimember.common.risk.FrozenMembers;
import io.unimember.coupon.Api;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestKafka;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bonus actions travel as {@code campaign.rewarded} events, one per action and reward (decision 0067), and an
 * audience naming a segment admits only the members insight-service says are in it ({@code segment.members.v1}, a
 * tombstone taking a member out).
 */
@IntegrationTest
class BonusAndSegmentTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    OrderCampaigns orderCampaigns;

    @Autowired
    SegmentMembers segments;

    @Autowired
    FrozenMembers frozenMembers;

    Api api;
    String segment;
    String category;
    String campaign;

    @BeforeEach
    void setUp() {
        api = new Api(port, json);
        segment = "seg-" + UUID.randomUUID();
        category = "cat-" + UUID.randomUUID();
        Map<String, Object> c = CampaignsAdminTests.campaign("HOTEL", "unused");
        c.put("trigger", Map.of("type", "ORDER_COMPLETED", "bu", "HOTEL", "category", category));
        c.put(
                "actions",
                List.of(Map.of("type", "BONUS_POINTS", "points", 300), Map.of("type", "BONUS_GROWTH", "growth", 50)));
        c.put("audience", Map.of("segmentId", segment));
        c.put("perMemberCap", 5);
        Api.Response created = api.post("/api/v1/admin/campaigns", TestTokens.admin(), c);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        campaign = created.text("campaignId");
        api.post("/api/v1/admin/campaigns/" + campaign + "/activate", TestTokens.admin(), Map.of());
    }

    @AfterEach
    void end() {
        api.post("/api/v1/admin/campaigns/" + campaign + "/end", TestTokens.admin(), Map.of());
    }

    @Test
    void aSegmentsMembersGetTheBonusesAsEventsAndNoOneElse() {
        String in = Api.member();
        String out = Api.member();
        TestKafka.send(
                Topics.SEGMENT_MEMBERS,
                segment + ":" + in,
                """
                {"segmentId":"%s","memberId":"%s","since":"%s"}"""
                        .formatted(segment, in, Instant.now()));
        await().atMost(WAIT).until(() -> inSegment(in));

        OrderCompleted first = order(in);
        apply(first, order(out));

        assertThat(outcomes(in)).containsExactly(CampaignActions.REWARDED);
        assertThat(outcomes(out)).isEmpty();
        JsonNode points = rewarded(in, "BONUS_POINTS");
        assertThat(points.path("points").asLong()).isEqualTo(300);
        assertThat(points.path("fundingBu").asString()).isEqualTo("HOTEL");
        assertThat(points.path("orderId").asString()).isEqualTo(first.orderId());
        assertThat(points.path("occurrence").asString()).isEqualTo("order:HOTEL:" + first.orderId());
        assertThat(points.path("multiplierBp").isNull()).isTrue();
        assertThat(rewarded(in, "BONUS_GROWTH").path("growth").asLong()).isEqualTo(50);

        // out of the segment (a tombstone): the next order rewards nothing
        TestKafka.send(Topics.SEGMENT_MEMBERS, segment + ":" + in, null);
        await().atMost(WAIT).until(() -> !inSegment(in));
        apply(order(in));
        assertThat(outcomes(in)).containsExactly(CampaignActions.REWARDED);
    }

    @Test
    void aFrozenMemberGetsNoBonusAndKeepsTheCap() {
        String member = Api.member();
        tx.executeWithoutResult(
                st -> segments.join(segment, member, Instant.now().toString()));
        frozenMembers.add(List.of(member));
        try {
            apply(order(member));
        } finally {
            frozenMembers.remove(List.of(member));
        }
        assertThat(outcomes(member)).containsExactly("MEMBER_FROZEN");
        assertThat(jdbc.sql("SELECT rewarded FROM campaign_member_count WHERE campaign_id = ? AND member_id = ?")
                        .params(campaign, member)
                        .query(Integer.class)
                        .single())
                .isZero();

        apply(order(member)); // unfrozen: the next order is rewarded
        assertThat(outcomes(member)).containsExactlyInAnyOrder("MEMBER_FROZEN", CampaignActions.REWARDED);
    }

    @Test
    void aSegmentRecordWithABadKeyIsSkipped() {
        String member = Api.member();
        TestKafka.send(Topics.SEGMENT_MEMBERS, "no-colon-here", "{}");
        TestKafka.send(Topics.SEGMENT_MEMBERS, segment + ":" + member, "not json");
        await().atMost(WAIT).until(() -> inSegment(member)); // the consumer went on past the bad key
    }

    private JsonNode rewarded(String member, String action) {
        var found = TestKafka.records(
                Topics.COUPON,
                v -> v.contains("campaign.rewarded") && v.contains(member) && v.contains("\"" + action + "\""),
                1,
                WAIT);
        assertThat(found).hasSize(1);
        return json.readTree(found.getFirst().value()).path("data");
    }

    private boolean inSegment(String member) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_segment_member WHERE segment_id = ? AND member_id = ?")
                        .params(segment, member)
                        .query(Long.class)
                        .single()
                == 1;
    }

    private OrderCompleted order(String member) {
        return new OrderCompleted(
                member,
                "HOTEL",
                "o-" + UUID.randomUUID(),
                10_000,
                category,
                Instant.now().minus(1, ChronoUnit.MINUTES),
                100);
    }

    private void apply(OrderCompleted... orders) {
        tx.executeWithoutResult(s -> orderCampaigns.onOrdersCompleted(List.of(orders)));
    }

    private List<String> outcomes(String member) {
        return jdbc.sql("SELECT outcome FROM campaign_reward WHERE campaign_id = ? AND member_id = ?")
                .params(campaign, member)
                .query(String.class)
                .list();
    }
}
