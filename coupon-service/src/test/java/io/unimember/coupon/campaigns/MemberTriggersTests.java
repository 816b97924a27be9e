package io.unimember.coupon.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.DomainEvent;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.ExpiringPoints;
import io.unimember.common.events.MemberBirthdayChanged;
import io.unimember.common.events.MemberRegistered;
import io.unimember.common.events.PointsBalance;
import io.unimember.common.events.PointsEarned;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.coupon.Api;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestClock;
import io.unimember.testsupport.TestKafka;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
 * The member triggers (decision 0067), run by the time-trigger job on a clock the test sets, on the facts projected
 * from member and points events sent over Kafka: REGISTERED within its days, BIRTHDAY once a year on the day,
 * POINTS_EXPIRING its days before a lot expires; each once per occurrence however often the job runs. Every campaign
 * here has a segment only this test's members are in as its audience, so other tests' members never meet it.
 */
@IntegrationTest
class MemberTriggersTests {

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
    EventCodec codec;

    @Autowired
    ActiveCampaigns active;

    @Autowired
    MemberOrders orders;

    @Autowired
    MemberFacts facts;

    @Autowired
    Audiences audiences;

    @Autowired
    SegmentMembers segments;

    @Autowired
    CampaignActions actions;

    @Autowired
    JobLease lease;

    @Autowired
    CampaignProperties properties;

    Api api;
    String segment;
    String template;
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    final List<String> campaigns = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = new Api(port, json);
        segment = "seg-" + UUID.randomUUID();
        var body = Api.fixedTemplate(500, 1_000, 10, 500_000);
        body.put("fundingBu", "PLATFORM");
        body.put("claimable", false);
        template = api.template(body);
    }

    @AfterEach
    void endCampaigns() {
        campaigns.forEach(c -> api.post("/api/v1/admin/campaigns/" + c + "/end", TestTokens.admin(), Map.of()));
    }

    @Test
    void aMemberIsRewardedOnceWithinTheirFirstDaysAndNotAfter() {
        String campaign = campaign(
                Map.of("type", "REGISTERED", "withinDays", 30),
                List.of(Map.of("type", "BONUS_POINTS", "multiplierBp", 20_000, "windowDays", 30)));
        String fresh = member();
        String old = member();
        send(Topics.MEMBER, new MemberRegistered(fresh, now.minus(2, ChronoUnit.DAYS)));
        send(Topics.MEMBER, new MemberRegistered(old, now.minus(40, ChronoUnit.DAYS)));
        await().atMost(WAIT).until(() -> registered(fresh) && registered(old));
        TestClock clock = TestClock.at(now);

        job(clock).run();
        job(clock).run(); // again in the same window: nothing more

        assertThat(outcomes(campaign, fresh)).containsExactly(CampaignActions.REWARDED);
        assertThat(outcomes(campaign, old)).isEmpty();
        var rewarded = TestKafka.records(Topics.COUPON, v -> v.contains(fresh) && v.contains(campaign), 1, WAIT);
        assertThat(rewarded).hasSize(1);
        var data = json.readTree(rewarded.getFirst().value()).path("data");
        assertThat(data.path("action").asString()).isEqualTo("BONUS_POINTS");
        assertThat(data.path("occurrence").asString()).isEqualTo("registered");
        assertThat(data.path("multiplierBp").asInt()).isEqualTo(20_000);
        assertThat(Instant.parse(data.path("windowEndsAt").asString()))
                .isEqualTo(now.plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS));
        assertThat(data.path("fundingBu").asString()).isEqualTo("PLATFORM");

        clock.set(now.plus(31, ChronoUnit.DAYS)); // past the fresh member's days: no second reward
        job(clock).run();
        assertThat(outcomes(campaign, fresh)).hasSize(1);
    }

    @Test
    void aBirthdayIsRewardedOnTheDayOncePerYear() {
        String campaign = campaign(
                Map.of("type", "BIRTHDAY"),
                List.of(
                        Map.of("type", "GRANT_COUPON", "templateId", template),
                        Map.of("type", "BONUS_GROWTH", "growth", 88)));
        ZoneId zone = properties.zone();
        Instant day = now.plus(3, ChronoUnit.DAYS);
        String md = DateTimeFormatter.ofPattern("MM-dd").format(day.atZone(zone));
        String born = member();
        String other = member();
        send(Topics.MEMBER, new MemberBirthdayChanged(born, md, now));
        send(Topics.MEMBER, new MemberBirthdayChanged(other, "01-01".equals(md) ? "01-02" : "01-01", now));
        await().atMost(WAIT).until(() -> md.equals(birthday(born)) && birthday(other) != null);

        TestClock clock = TestClock.at(now);
        job(clock).run();
        assertThat(outcomes(campaign, born)).isEmpty(); // not yet the day

        clock.set(day);
        job(clock).run();
        job(clock).run();
        assertThat(outcomes(campaign, born)).containsExactly(CampaignActions.ISSUED);
        assertThat(outcomes(campaign, other)).isEmpty();
        var growth = TestKafka.records(
                Topics.COUPON, v -> v.contains(born) && v.contains("BONUS_GROWTH") && v.contains(campaign), 1, WAIT);
        assertThat(json.readTree(growth.getFirst().value())
                        .path("data")
                        .path("growth")
                        .asLong())
                .isEqualTo(88);

        clock.set(day.plus(365, ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS)); // a year on (a leap day may lie between)
        String mdNextYear =
                DateTimeFormatter.ofPattern("MM-dd").format(clock.instant().atZone(zone));
        send(Topics.MEMBER, new MemberBirthdayChanged(born, mdNextYear, now));
        await().atMost(WAIT).until(() -> mdNextYear.equals(birthday(born)));
        job(clock).run();
        assertThat(outcomes(campaign, born)).containsExactly(CampaignActions.ISSUED, CampaignActions.ISSUED);

        send(Topics.MEMBER, new MemberBirthdayChanged(born, null, now)); // erased
        await().atMost(WAIT).until(() -> birthday(born) == null);
    }

    @Test
    void aLeapDayBirthdayIsCelebratedOnThe28thInOtherYears() {
        assertThat(TimeTriggers.birthdaysOn(LocalDate.of(2027, 2, 28))).containsExactly("02-28", "02-29");
        assertThat(TimeTriggers.birthdaysOn(LocalDate.of(2028, 2, 28))).containsExactly("02-28");
        assertThat(TimeTriggers.birthdaysOn(LocalDate.of(2028, 2, 29))).containsExactly("02-29");
    }

    @Test
    void expiringPointsAreRewardedTheirDaysBeforeOncePerLot() {
        String campaign = campaign(
                Map.of("type", "POINTS_EXPIRING", "daysBefore", 7),
                List.of(Map.of("type", "GRANT_COUPON", "templateId", template)));
        String member = member();
        Instant expires = now.plus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        send(Topics.POINTS, earned(member, 3, List.of(new ExpiringPoints(120, expires))));
        send(Topics.POINTS, earned(member, 2, List.of())); // older, late: changes nothing
        await().atMost(WAIT).until(() -> expiringRows(member) == 1 && pointsVersion(member) == 3);

        TestClock clock = TestClock.at(now);
        job(clock).run();
        assertThat(outcomes(campaign, member)).isEmpty(); // 20 days before

        clock.set(expires.minus(6, ChronoUnit.DAYS));
        job(clock).run();
        job(clock).run();
        assertThat(outcomes(campaign, member)).containsExactly(CampaignActions.ISSUED);
        assertThat(jdbc.sql("SELECT occurrence FROM campaign_reward WHERE campaign_id = ? AND member_id = ?")
                        .params(campaign, member)
                        .query(String.class)
                        .single())
                .isEqualTo("expiring:" + expires);

        // spent before expiry: a newer balance without the lot leaves nothing to remind of
        send(Topics.POINTS, earned(member, 4, List.of()));
        await().atMost(WAIT).until(() -> expiringRows(member) == 0);
    }

    private String campaign(Map<String, Object> trigger, List<Map<String, Object>> actionList) {
        Map<String, Object> c = CampaignsAdminTests.campaign("PLATFORM", template);
        c.put("trigger", trigger);
        c.put("actions", actionList);
        c.put("audience", Map.of("segmentId", segment));
        c.put("perMemberCap", 3);
        c.put("startsAt", now.minus(30, ChronoUnit.DAYS).toString());
        c.put("endsAt", now.plus(800, ChronoUnit.DAYS).toString());
        Api.Response created = api.post("/api/v1/admin/campaigns", TestTokens.admin(), c);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("campaignId");
        assertThat(api.post("/api/v1/admin/campaigns/" + id + "/activate", TestTokens.admin(), Map.of())
                        .status())
                .isEqualTo(200);
        campaigns.add(id);
        return id;
    }

    private TimeTriggers job(TestClock clock) {
        return new TimeTriggers(active, orders, facts, audiences, actions, lease, tx, properties, clock);
    }

    /** A new member in this test's segment. */
    private String member() {
        String m = Api.member();
        tx.executeWithoutResult(s -> segments.join(segment, m, now.toString()));
        return m;
    }

    private PointsEarned earned(String member, long version, List<ExpiringPoints> expiring) {
        return new PointsEarned(
                member,
                UUID.randomUUID().toString(),
                "HOTEL",
                "o-" + UUID.randomUUID(),
                120,
                false,
                now.plus(365, ChronoUnit.DAYS),
                new PointsBalance(120, 0, 120, version, expiring));
    }

    private void send(String topic, DomainEvent event) {
        String source = topic.equals(Topics.MEMBER) ? "member-service" : "points-service";
        TestKafka.send(topic, event.memberId(), codec.toJson(EventEnvelope.wrap(event, source, Instant.now(), json)));
    }

    private boolean registered(String member) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_member WHERE member_id = ? AND registered_at IS NOT NULL")
                        .param(member)
                        .query(Long.class)
                        .single()
                == 1;
    }

    private @org.jspecify.annotations.Nullable String birthday(String member) {
        return jdbc
                .sql("SELECT birthday_md FROM campaign_member WHERE member_id = ?")
                .param(member)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1)))
                .list()
                .stream()
                .findFirst()
                .flatMap(o -> o)
                .orElse(null);
    }

    private long expiringRows(String member) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_expiring_points WHERE member_id = ?")
                .param(member)
                .query(Long.class)
                .single();
    }

    private long pointsVersion(String member) {
        return jdbc.sql("SELECT version FROM campaign_member_points WHERE member_id = ?")
                .param(member)
                .query(Long.class)
                .optional()
                .orElse(-1L);
    }

    private List<String> outcomes(String campaign, String member) {
        return jdbc.sql(
                        "SELECT outcome FROM campaign_reward WHERE campaign_id = ? AND member_id = ? ORDER BY rewarded_at")
                .params(campaign, member)
                .query(String.class)
                .list();
    }
}
