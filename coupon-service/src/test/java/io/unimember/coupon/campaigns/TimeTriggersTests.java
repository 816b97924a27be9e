package io.unimember.coupon.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.OrderCompleted;
import io.unimember.coupon.Api;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestClock;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The INACTIVE trigger, run by the time-trigger job on a clock the test sets: a member with no order for the
 * campaign's days is rewarded once per spell of inactivity, however often the job runs; one runner per window.
 * The campaign's audience is a tier only this test's members have, so the other tests' old orders never meet it.
 */
@IntegrationTest
class TimeTriggersTests {

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
    ActiveCampaigns active;

    @Autowired
    MemberOrders orders;

    @Autowired
    MemberFacts facts;

    @Autowired
    Audiences audiences;

    @Autowired
    CampaignActions actions;

    @Autowired
    JobLease lease;

    @Autowired
    CampaignProperties properties;

    Api api;
    String tier;
    String template;
    String campaign;
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void setUp() {
        api = new Api(port, json);
        tier = "T" + UUID.randomUUID().toString().substring(0, 12);
        var body = Api.fixedTemplate(500, 1_000, 10, 500_000);
        body.put("fundingBu", "PLATFORM");
        body.put("claimable", false);
        template = api.template(body);
        Map<String, Object> c = CampaignsAdminTests.campaign("PLATFORM", template);
        c.put("trigger", Map.of("type", "INACTIVE", "days", 7));
        c.put("audience", Map.of("tiers", List.of(tier)));
        c.put("perMemberCap", 2);
        c.put("startsAt", now.minus(30, ChronoUnit.DAYS).toString());
        c.put("endsAt", now.plus(60, ChronoUnit.DAYS).toString());
        Api.Response created = api.post("/api/v1/admin/campaigns", TestTokens.admin(), c);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        campaign = created.text("campaignId");
        api.post("/api/v1/admin/campaigns/" + campaign + "/activate", TestTokens.admin(), Map.of());
    }

    @AfterEach
    void endCampaign() {
        api.post("/api/v1/admin/campaigns/" + campaign + "/end", TestTokens.admin(), Map.of());
    }

    @Test
    void aMemberWithoutOrdersForTheDaysIsRewardedOncePerSpellOfInactivity() {
        String idle = member();
        String busy = member();
        String outsider = Api.member(); // not in the campaign's audience
        order(idle, now.minus(10, ChronoUnit.DAYS));
        order(busy, now.minus(3, ChronoUnit.DAYS));
        order(outsider, now.minus(10, ChronoUnit.DAYS));
        TestClock clock = TestClock.at(now);

        assertThat(job(clock).run()).isGreaterThanOrEqualTo(1);
        job(clock).run(); // again in the same window, and by "another instance" with the lease already held here

        assertThat(outcomes(idle)).containsExactly("ISSUED");
        assertThat(outcomes(busy)).isEmpty();
        assertThat(outcomes(outsider)).isEmpty();

        // the idle member comes back, then goes quiet again: a new spell, a second reward
        order(idle, now.plus(1, ChronoUnit.DAYS));
        clock.set(now.plus(9, ChronoUnit.DAYS));
        job(clock).run();
        assertThat(outcomes(idle)).containsExactly("ISSUED", "ISSUED");
        assertThat(outcomes(busy)).containsExactly("ISSUED"); // its 3-day-old order is now 12 days old
    }

    @Test
    void anotherInstanceWaitsForTheLeaseToLapse() {
        TestClock clock = TestClock.at(now.plus(100, ChronoUnit.DAYS));
        assertThat(lease.acquire("test-lease-" + tier, clock.instant(), Duration.ofMinutes(50)))
                .isTrue();
        var other = new JobLease(jdbc);

        assertThat(other.acquire("test-lease-" + tier, clock.instant().plusSeconds(60), Duration.ofMinutes(50)))
                .isFalse();
        assertThat(other.acquire(
                        "test-lease-" + tier, clock.instant().plus(51, ChronoUnit.MINUTES), Duration.ofMinutes(50)))
                .isTrue();
    }

    private TimeTriggers job(TestClock clock) {
        return new TimeTriggers(active, orders, facts, audiences, actions, lease, tx, properties, clock);
    }

    private String member() {
        String m = Api.member();
        jdbc.sql("INSERT INTO member_tier (member_id, tier, monthly_coupons, version, updated_at)"
                        + " VALUES (?, ?, 0, 1, UTC_TIMESTAMP(6))")
                .params(m, tier)
                .update();
        return m;
    }

    private void order(String member, Instant at) {
        var o = new OrderCompleted(member, "RETAIL", "o-" + UUID.randomUUID(), 1_000, null, at, 10);
        tx.executeWithoutResult(s -> orderCampaigns.onOrdersCompleted(List.of(o)));
    }

    private List<String> outcomes(String member) {
        return jdbc.sql("SELECT outcome FROM campaign_reward WHERE campaign_id = ? AND member_id = ?")
                .params(campaign, member)
                .query(String.class)
                .list();
    }
}
