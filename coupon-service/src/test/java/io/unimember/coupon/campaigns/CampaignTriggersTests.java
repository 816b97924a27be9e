package io.unimember.coupon.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.coupon.Api;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestKafka;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each order trigger on orders with set times (the trigger reads the order's own time, so the clock is the test's),
 * the cap, the split and the once-per-occurrence key. Every campaign here fires only for its own category, so the
 * other tests' orders never meet it.
 */
@IntegrationTest
class CampaignTriggersTests {

    private static final Instant T0 = Instant.now().minus(20, ChronoUnit.DAYS);

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    OrderCampaigns campaigns;

    @Autowired
    EventCodec codec;

    Api api;
    String category;
    String template;

    @BeforeEach
    void setUp() {
        api = new Api(port, json);
        category = "cat-" + UUID.randomUUID();
        var body = Api.fixedTemplate(800, 10_000, 100, 8_000_000);
        body.put("fundingBu", "ENTERTAINMENT");
        body.put("claimable", false);
        template = api.template(body);
    }

    @Test
    void anOrderCompletedTriggerRewardsOrdersOverTheMinimumUpToTheCapOncePerOrder() {
        String campaign = activeCampaign(
                Map.of("type", "ORDER_COMPLETED", "bu", "ENTERTAINMENT", "minAmountFen", 5_000, "category", category),
                2,
                null);
        String member = Api.member();
        OrderCompleted small = order(member, "ENTERTAINMENT", 4_999, category, T0);
        OrderCompleted first = order(member, "ENTERTAINMENT", 5_000, category, T0.plusSeconds(60));
        OrderCompleted otherCategory = order(member, "ENTERTAINMENT", 9_000, "other", T0.plusSeconds(90));
        OrderCompleted second = order(member, "ENTERTAINMENT", 8_000, category, T0.plusSeconds(120));
        OrderCompleted third = order(member, "ENTERTAINMENT", 8_000, category, T0.plusSeconds(180));

        apply(small, first, otherCategory);
        apply(first); // the same order again, as a redelivery under a new event id would bring it
        apply(second, third);

        assertThat(outcomes(campaign, member)).containsExactlyInAnyOrder("ISSUED", "ISSUED", "CAP_REACHED");
        assertThat(coupons(member)).isEqualTo(2);
    }

    @Test
    void anNthOrderTriggerRewardsOnlyTheNthOrderInItsBu() {
        String campaign = activeCampaign(
                Map.of("type", "ORDER_COMPLETED", "bu", "ENTERTAINMENT", "nthOrder", 3, "category", category), 5, null);
        String member = Api.member();

        apply(order(member, "ENTERTAINMENT", 1_000, category, T0), order(member, "HOTEL", 1_000, category, T0));
        apply(order(member, "ENTERTAINMENT", 1_000, category, T0.plusSeconds(10)));
        assertThat(outcomes(campaign, member)).isEmpty();
        apply(
                order(member, "ENTERTAINMENT", 1_000, category, T0.plusSeconds(20)),
                order(member, "ENTERTAINMENT", 1_000, category, T0.plusSeconds(30)));

        assertThat(outcomes(campaign, member)).containsExactly("ISSUED");
        assertThat(jdbc.sql("SELECT occurrence FROM campaign_reward WHERE campaign_id = ?")
                        .param(campaign)
                        .query(String.class)
                        .single())
                .isEqualTo("nth-in-bu:3:ENTERTAINMENT");
    }

    @Test
    void aCrossBuTriggerRewardsAnOrderInTheSecondBuWithinTheWindowAfterOneInTheFirst() {
        String campaign = activeCampaign(
                Map.of(
                        "type", "CROSS_BU",
                        "fromBu", "DINE_IN",
                        "toBu", "ENTERTAINMENT",
                        "withinDays", 7,
                        "category", category),
                5,
                null);
        String inWindow = Api.member();
        String tooLate = Api.member();
        String neverDined = Api.member();
        String sameBatch = Api.member();

        apply(order(inWindow, "DINE_IN", 5_000, null, T0), order(tooLate, "DINE_IN", 5_000, null, T0));
        apply(
                order(inWindow, "ENTERTAINMENT", 3_000, category, T0.plus(7, ChronoUnit.DAYS)),
                order(tooLate, "ENTERTAINMENT", 3_000, category, T0.plus(8, ChronoUnit.DAYS)),
                order(neverDined, "ENTERTAINMENT", 3_000, category, T0),
                order(sameBatch, "DINE_IN", 5_000, null, T0),
                order(sameBatch, "ENTERTAINMENT", 3_000, category, T0.plus(1, ChronoUnit.HOURS)));

        assertThat(outcomes(campaign, inWindow)).containsExactly("ISSUED");
        assertThat(outcomes(campaign, tooLate)).isEmpty();
        assertThat(outcomes(campaign, neverDined)).isEmpty();
        assertThat(outcomes(campaign, sameBatch)).containsExactly("ISSUED");
        assertThat(coupons(inWindow)).isEqualTo(1);
    }

    @Test
    void aCrossBuCampaignActsOnOrderEventsFromKafka() {
        String campaign = activeCampaign(
                Map.of(
                        "type", "CROSS_BU",
                        "fromBu", "DINE_IN",
                        "toBu", "ENTERTAINMENT",
                        "withinDays", 7,
                        "category", category),
                1,
                null);
        String member = Api.member();
        Instant now = Instant.now();
        String dined = envelope(order(member, "DINE_IN", 6_000, null, now.minus(2, ChronoUnit.DAYS)));
        String cinema = envelope(order(member, "ENTERTAINMENT", 4_000, category, now));

        TestKafka.send(Topics.ORDER, member, dined);
        TestKafka.send(Topics.ORDER, member, cinema);
        TestKafka.send(Topics.ORDER, member, cinema);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> !outcomes(campaign, member).isEmpty());
        assertThat(outcomes(campaign, member)).containsExactly("ISSUED");
        assertThat(coupons(member)).isEqualTo(1);
    }

    @Test
    void aSplitHoldsOutItsShareRecordingThemAndGrantingThemNothing() {
        String campaign = activeCampaign(
                Map.of("type", "ORDER_COMPLETED", "bu", "ENTERTAINMENT", "category", category),
                1,
                Map.of("holdoutPercent", 30));
        List<String> members = new ArrayList<>();
        List<OrderCompleted> orders = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String m = Api.member();
            members.add(m);
            orders.add(order(m, "ENTERTAINMENT", 2_000, category, T0));
        }
        apply(orders.toArray(OrderCompleted[]::new));

        var split = new Split(30);
        long heldOut = members.stream().filter(m -> split.holdsOut(campaign, m)).count();
        for (String m : members) {
            boolean holdout = split.holdsOut(campaign, m);
            assertThat(outcomes(campaign, m)).containsExactly(holdout ? "HOLDOUT" : "ISSUED");
            assertThat(coupons(m)).isEqualTo(holdout ? 0 : 1);
        }
        assertThat(heldOut).isBetween(10L, 50L);
    }

    @Test
    void aPausedCampaignDoesNotAct() {
        String campaign =
                activeCampaign(Map.of("type", "ORDER_COMPLETED", "bu", "ENTERTAINMENT", "category", category), 5, null);
        assertThat(api.post("/api/v1/admin/campaigns/" + campaign + "/pause", TestTokens.admin(), Map.of())
                        .status())
                .isEqualTo(200);
        String member = Api.member();

        apply(order(member, "ENTERTAINMENT", 2_000, category, Instant.now()));

        assertThat(outcomes(campaign, member)).isEmpty();
    }

    private String activeCampaign(Map<String, Object> trigger, int cap, @Nullable Map<String, Object> split) {
        Map<String, Object> body = CampaignsAdminTests.campaign("ENTERTAINMENT", template);
        body.put("trigger", trigger);
        body.put("perMemberCap", cap);
        body.put("startsAt", T0.minus(1, ChronoUnit.DAYS).toString());
        if (split != null) {
            body.put("split", split);
        }
        Api.Response created = api.post("/api/v1/admin/campaigns", TestTokens.admin(), body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("campaignId");
        assertThat(api.post("/api/v1/admin/campaigns/" + id + "/activate", TestTokens.admin(), Map.of())
                        .status())
                .isEqualTo(200);
        return id;
    }

    private void apply(OrderCompleted... orders) {
        tx.executeWithoutResult(s -> campaigns.onOrdersCompleted(List.of(orders)));
    }

    private static OrderCompleted order(String member, String bu, long fen, @Nullable String category, Instant at) {
        return new OrderCompleted(member, bu, "o-" + UUID.randomUUID(), fen, category, at, fen / 100);
    }

    private String envelope(OrderCompleted order) {
        return codec.toJson(EventEnvelope.wrap(order, "test", Instant.now(), json));
    }

    private List<String> outcomes(String campaign, String member) {
        return jdbc.sql("SELECT outcome FROM campaign_reward WHERE campaign_id = ? AND member_id = ?")
                .params(campaign, member)
                .query(String.class)
                .list();
    }

    private long coupons(String member) {
        return jdbc.sql("SELECT COUNT(*) FROM coupon WHERE member_id = ? AND template_id = ?")
                .params(member, template)
                .query(Long.class)
                .single();
    }
}
