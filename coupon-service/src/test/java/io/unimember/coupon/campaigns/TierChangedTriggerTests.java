package io.unimember.coupon.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.TierChanged;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.coupon.Api;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestKafka;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** TIER_CHANGED on the tier events over Kafka: a move to the campaign's tier rewards once, other moves nothing. */
@IntegrationTest
class TierChangedTriggerTests {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventCodec codec;

    @Autowired
    TierCampaigns tiers;

    @Autowired
    SegmentMembers segments;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aMoveToTheTierRewardsOnceHoweverOftenItsEventArrives() {
        Api api = new Api(port, json);
        String tier = "T" + UUID.randomUUID().toString().substring(0, 10); // only this test's members reach it
        var body = Api.fixedTemplate(2_000, 1_000, 5, 2_000_000);
        body.put("claimable", false);
        String template = api.template(body);
        Map<String, Object> c = CampaignsAdminTests.campaign("PLATFORM", template);
        c.put("trigger", Map.of("type", "TIER_CHANGED", "toTier", tier));
        c.put("perMemberCap", 3);
        Api.Response created = api.post("/api/v1/admin/campaigns", TestTokens.admin(), c);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String campaign = created.text("campaignId");
        api.post("/api/v1/admin/campaigns/" + campaign + "/activate", TestTokens.admin(), Map.of());
        String climber = Api.member();
        String registered = Api.member();
        String elsewhere = Api.member();

        String up = envelope(change(climber, "SILVER", tier, 2));
        TestKafka.send(Topics.TIER, climber, up);
        TestKafka.send(Topics.TIER, climber, envelope(change(climber, "SILVER", tier, 2))); // again, new event id
        TestKafka.send(Topics.TIER, registered, envelope(change(registered, null, tier, 1)));
        TestKafka.send(Topics.TIER, elsewhere, envelope(change(elsewhere, "SILVER", "GOLD", 2)));
        String marker = envelope(change(elsewhere, "GOLD", "SILVER", 3));
        TestKafka.send(Topics.TIER, elsewhere, marker);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> outcomes(campaign, climber).size() == 1);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM member_tier WHERE member_id = ? AND version = 3")
                                .param(elsewhere)
                                .query(Long.class)
                                .single()
                        == 1);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM member_tier WHERE member_id = ?")
                                .param(registered)
                                .query(Long.class)
                                .single()
                        == 1);
        assertThat(outcomes(campaign, climber)).containsExactly("ISSUED");
        assertThat(outcomes(campaign, registered)).isEmpty();
        assertThat(outcomes(campaign, elsewhere)).isEmpty();
        api.post("/api/v1/admin/campaigns/" + campaign + "/end", TestTokens.admin(), Map.of());
    }

    @Test
    void aSegmentAudienceAdmitsOnlyTheSegmentsMembersMovingToTheTier() {
        Api api = new Api(port, json);
        String tier = "T" + UUID.randomUUID().toString().substring(0, 10);
        String segment = "seg-" + UUID.randomUUID();
        var body = Api.fixedTemplate(2_000, 1_000, 5, 2_000_000);
        body.put("claimable", false);
        Map<String, Object> c = CampaignsAdminTests.campaign("PLATFORM", api.template(body));
        c.put("trigger", Map.of("type", "TIER_CHANGED", "toTier", tier));
        c.put("audience", Map.of("segmentId", segment));
        Api.Response created = api.post("/api/v1/admin/campaigns", TestTokens.admin(), c);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String campaign = created.text("campaignId");
        api.post("/api/v1/admin/campaigns/" + campaign + "/activate", TestTokens.admin(), Map.of());
        String in = Api.member();
        String out = Api.member();
        tx.executeWithoutResult(st -> segments.join(segment, in, Instant.now().toString()));

        tx.executeWithoutResult(
                st -> tiers.onTiersChanged(List.of(change(in, "SILVER", tier, 2), change(out, "SILVER", tier, 2))));

        assertThat(outcomes(campaign, in)).containsExactly("ISSUED");
        assertThat(outcomes(campaign, out)).isEmpty();
        api.post("/api/v1/admin/campaigns/" + campaign + "/end", TestTokens.admin(), Map.of());
    }

    private static TierChanged change(String member, String from, String to, long version) {
        return new TierChanged(member, from, to, "GROWTH", 1_000, to, null, 0, "1.0", 0, null, version);
    }

    private String envelope(TierChanged e) {
        return codec.toJson(EventEnvelope.wrap(e, "tier-service", Instant.now(), json));
    }

    private List<String> outcomes(String campaign, String member) {
        return jdbc.sql("SELECT outcome FROM campaign_reward WHERE campaign_id = ? AND member_id = ?")
                .params(campaign, member)
                .query(String.class)
                .list();
    }
}
