package io.unimember.points.campaignbonus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.CampaignRewarded;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.common.risk.FrozenMembers;
import io.unimember.points.Api;
import io.unimember.points.PointsIntegrationTest;
import io.unimember.testsupport.TestClock;
import io.unimember.testsupport.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Campaign bonus points over Kafka as coupon-service sends them (decision 0067): a fixed bonus credited once however
 * often it is delivered, in a lot of the campaign's funding BU; a multiplier window whose orders earn their extra once,
 * stacked on the tier's multiplier by the stated rule (the extra multiplies what the order earned).
 */
@PointsIntegrationTest
class CampaignBonusTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    EventCodec codec;

    @Autowired
    JsonMapper json;

    @Autowired
    TestClock clock;

    @Autowired
    FrozenMembers frozenMembers;

    @Test
    void aFixedBonusIsCreditedOnceInALotOfTheFundingBu() {
        String member = Api.newMember();
        var bonus = reward(member, "c-" + UUID.randomUUID(), 500L, null, null);

        send(bonus);
        send(bonus); // delivered again under a new event id

        await().atMost(WAIT).until(() -> api.me(member).number("available") == 500);
        assertThat(lotPoints(member, "PLATFORM")).isEqualTo(500);
        var earned = TestKafka.records(
                Topics.POINTS,
                v -> v.contains("points.earned") && v.contains(member) && v.contains(bonus.campaignId()),
                1,
                WAIT);
        assertThat(json.readTree(earned.getFirst().value())
                        .path("data")
                        .path("bu")
                        .asString())
                .isEqualTo("PLATFORM");
        send(reward(member, "c-" + UUID.randomUUID(), 1L, null, null)); // a later one, to know the first is done
        await().atMost(WAIT).until(() -> api.me(member).number("available") == 501);
    }

    @Test
    void aMultiplierWindowGivesItsOrdersTheExtraOnTopOfTheTiersOnce() {
        String member = Api.newMember();
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> jdbc.sql("INSERT INTO member_tier (member_id, tier, points_multiplier, version,"
                        + " updated_at) VALUES (?, 'DIAMOND', 1.5, 1, CURRENT_TIMESTAMP(6))")
                .param(member)
                .update());
        String campaign = "c-" + UUID.randomUUID();
        send(reward(member, campaign, null, 20_000, now.plus(30, ChronoUnit.DAYS)));
        await().atMost(WAIT).until(() -> windows(member) == 1);

        var reply = api.order("DINE_IN", member, Api.newId("o"), 10_000); // ¥100 at 1.5 = 150 points
        assertThat(reply.number("pointsEarned")).isEqualTo(150);

        // doubled: 150 more, funded by HOTEL, in a HOTEL lot and off the daily cap
        await().atMost(WAIT).until(() -> api.me(member).number("available") == 300);
        assertThat(lotPoints(member, "DINE_IN")).isEqualTo(150);
        assertThat(lotPoints(member, "HOTEL")).isEqualTo(150);
        assertThat(jdbc.sql("SELECT extra_points FROM campaign_bonus_order WHERE member_id = ?")
                        .param(member)
                        .query(Long.class)
                        .single())
                .isEqualTo(150);

        // the same window delivered again opens nothing more; the next order is doubled once too
        send(reward(member, campaign, null, 20_000, now.plus(30, ChronoUnit.DAYS)));
        api.order("DINE_IN", member, Api.newId("o"), 1_000); // 15 + 15
        await().atMost(WAIT).until(() -> api.me(member).number("available") == 330);
        assertThat(windows(member)).isEqualTo(1);

        // spent at the cinema, the bonus is HOTEL's to settle and the order's points DINE_IN's (oldest lot first)
        String holdId = Api.newId("h");
        assertThat(api.hold("ENTERTAINMENT", member, holdId, 330).status()).isEqualTo(201);
        assertThat(api.confirm("ENTERTAINMENT", holdId).status()).isEqualTo(200);
        var redeemed =
                TestKafka.records(Topics.POINTS, v -> v.contains("points.redeemed") && v.contains(holdId), 1, WAIT);
        var lots = json.readTree(redeemed.getFirst().value()).path("data").path("lots");
        java.util.Map<String, Long> byIssuer = new java.util.HashMap<>();
        lots.forEach(l ->
                byIssuer.merge(l.path("issuingBu").asString(), l.path("points").asLong(), Long::sum));
        assertThat(byIssuer).containsEntry("DINE_IN", 165L).containsEntry("HOTEL", 165L);
    }

    @Test
    void aFrozenMemberGetsNoBonus() {
        String member = Api.newMember();
        frozenMembers.add(List.of(member));
        try {
            var bonus = reward(member, "c-" + UUID.randomUUID(), 700L, null, null);
            send(bonus);
            await().atMost(WAIT).until(() -> "FROZEN"
                    .equals(jdbc.sql("SELECT outcome FROM campaign_bonus WHERE member_id = ?")
                            .param(member)
                            .query(String.class)
                            .optional()
                            .orElse("")));
            assertThat(lotPoints(member, "PLATFORM")).isZero();
        } finally {
            frozenMembers.remove(List.of(member));
        }
    }

    @Test
    void extraPointsAreTheMultipliersShareOfWhatTheOrderEarnedRoundedDown() {
        var window = new BonusWindow("c", "o", "HOTEL", 15_000, Instant.EPOCH, Instant.EPOCH.plusSeconds(60));
        assertThat(window.extraFor(151)).isEqualTo(75);
        assertThat(window.extraFor(0)).isZero();
        assertThat(window.covers(Instant.EPOCH)).isTrue();
        assertThat(window.covers(Instant.EPOCH.plusSeconds(60))).isFalse();
        assertThat(CampaignBonuses.reference("x".repeat(500))).hasSize(63);
    }

    private CampaignRewarded reward(
            String member, String campaign, @Nullable Long points, @Nullable Integer bp, @Nullable Instant endsAt) {
        return new CampaignRewarded(
                member,
                campaign,
                CampaignRewarded.BONUS_POINTS,
                "registered",
                points != null ? "PLATFORM" : "HOTEL",
                null,
                null,
                null,
                clock.instant().minus(1, ChronoUnit.MINUTES),
                points,
                bp,
                endsAt,
                null);
    }

    private void send(CampaignRewarded event) {
        TestKafka.send(
                Topics.COUPON,
                event.memberId(),
                codec.toJson(EventEnvelope.wrap(event, "coupon-service", Instant.now(), json)));
    }

    private long windows(String member) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_bonus WHERE member_id = ? AND multiplier_bp IS NOT NULL")
                .param(member)
                .query(Long.class)
                .single();
    }

    private long lotPoints(String member, String bu) {
        return jdbc.sql("SELECT COALESCE(SUM(remaining), 0) FROM points_lot WHERE member_id = ? AND bu = ?")
                .params(member, bu)
                .query(Long.class)
                .single();
    }
}
