package io.unimember.settlement.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.CouponIssued;
import io.unimember.common.events.ExpiringPoints;
import io.unimember.common.events.PointsBalance;
import io.unimember.common.events.PointsEarned;
import io.unimember.common.events.TierChanged;
import io.unimember.common.events.Topics;
import io.unimember.settlement.support.Fixture;
import io.unimember.settlement.support.SettlementIntegrationTest;
import io.unimember.testsupport.TestClock;
import io.unimember.testsupport.TestHttp;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

@SettlementIntegrationTest
class NotificationTests {

    @Autowired
    Fixture fixture;

    @Autowired
    TestClock clock;

    @Autowired
    ExpiryNotices job;

    @Autowired
    JobLease lease;

    @Autowired
    Environment environment;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theExpiryNoticesAreProducedOnceEachByAJobRunTwice() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String member = "m-" + UUID.randomUUID();
        Instant soon = now.plus(Duration.ofDays(25));
        earned(
                member,
                2,
                List.of(new ExpiringPoints(300, soon), new ExpiringPoints(200, now.plus(Duration.ofDays(200)))));
        issued(member, "c-" + UUID.randomUUID(), now.plus(Duration.ofDays(2)));
        awaitProjected(member);

        clock.set(now);
        job.run();
        job.run();
        assertThat(kinds(member)).containsExactlyInAnyOrder("POINTS_EXPIRING_30D", "COUPON_EXPIRING");

        clock.set(now.plus(Duration.ofDays(20)));
        job.run();
        job.run();
        assertThat(kinds(member))
                .containsExactlyInAnyOrder("POINTS_EXPIRING_30D", "COUPON_EXPIRING", "POINTS_EXPIRING_7D");
        assertThat(inbox(member).get(0).get("body").asString()).contains("300 points");
    }

    @Test
    void atMostOneMessageOfAKindPerMemberPerDay() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String member = "m-" + UUID.randomUUID();
        earned(
                member,
                5,
                List.of(
                        new ExpiringPoints(10, now.plus(Duration.ofDays(20))),
                        new ExpiringPoints(20, now.plus(Duration.ofDays(21)))));
        awaitProjected(member);

        clock.set(now);
        job.run();
        assertThat(kinds(member)).containsExactly("POINTS_EXPIRING_30D");
        clock.set(now.plus(Duration.ofDays(1)));
        job.run();
        job.run();
        assertThat(kinds(member)).containsExactly("POINTS_EXPIRING_30D", "POINTS_EXPIRING_30D");
    }

    @Test
    void aNewerBalanceReplacesTheExpiringPointsAndAnOlderOneChangesNothing() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String member = "m-" + UUID.randomUUID();
        earned(member, 7, List.of());
        earned(member, 6, List.of(new ExpiringPoints(99, now.plus(Duration.ofDays(10)))));
        // an event after those on their partition: once it is projected, the older one has been read
        String next = fixture.onTheSamePartitionAs(member, Topics.POINTS);
        earned(next, 1, List.of());
        awaitProjected(next);

        assertThat(fixture.jdbc()
                        .sql("SELECT version FROM notification_points_version WHERE member_id = ?")
                        .param(member)
                        .query(Long.class)
                        .single())
                .isEqualTo(7);
        // the projection is guarded by the balance's version, so the inbox keeps no row of these events
        assertThat(fixture.jdbc()
                        .sql("SELECT COUNT(*) FROM processed_event WHERE consumer = ? AND event_type = ?")
                        .params(NotificationListener.CONSUMER, "points.earned")
                        .query(Long.class)
                        .single())
                .isZero();
        clock.set(now);
        job.run();
        assertThat(kinds(member)).isEmpty();
    }

    @Test
    void aTierUpgradeIsToldAtOnceAndATierAtRiskByTheJob() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String member = "m-" + UUID.randomUUID();
        fixture.send(fixture.wrap(
                new TierChanged(
                        member,
                        "SILVER",
                        "GOLD",
                        "UPGRADE",
                        500,
                        "黄金",
                        "PLATINUM",
                        7500,
                        "1.2",
                        5,
                        now.plus(Duration.ofDays(20)),
                        3),
                "tier-service",
                now));
        await().atMost(Duration.ofSeconds(60)).until(() -> kinds(member).contains("TIER_UP"));

        clock.set(now);
        job.run();
        job.run();
        assertThat(kinds(member)).containsExactlyInAnyOrder("TIER_UP", "TIER_AT_RISK");
    }

    @Test
    void theJobDoesNotRunWhileAnotherInstanceHoldsItsLease() {
        Instant now = Instant.now();
        clock.set(now);
        assertThat(lease.acquire(ExpiryNotices.JOB, "another-instance", now, now.plus(Duration.ofMinutes(10))))
                .isTrue();
        try {
            assertThat(job.run()).isEqualTo(-1);
        } finally {
            lease.release(ExpiryNotices.JOB, "another-instance");
        }
        assertThat(job.run()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aMemberReadsAndMarksOnlyTheirOwnInbox() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String member = "m-" + UUID.randomUUID();
        earned(member, 2, List.of(new ExpiringPoints(5, now.plus(Duration.ofDays(3)))));
        awaitProjected(member);
        clock.set(now);
        job.run();
        String id = inbox(member).get(0).get("messageId").asString();

        var read = http().post("/api/v1/members/me/inbox/" + id + "/read", TestTokens.member(member), null);
        assertThat(read.getStatusCode().value()).isEqualTo(200);
        assertThat(fixture.tree(read.getBody()).get("readAt").isNull()).isFalse();
        var stranger = http().post("/api/v1/members/me/inbox/" + id + "/read", TestTokens.member("m-other"), null);
        assertThat(stranger.getStatusCode().value()).isEqualTo(404);
        assertThat(fixture.get("/api/v1/members/me/inbox", TestTokens.member("m-other"))
                        .getBody())
                .doesNotContain(id);
        assertThat(fixture.get("/api/v1/members/me/inbox", TestTokens.bu("HOTEL"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(fixture.get("/api/v1/members/me/inbox?limit=0", TestTokens.member(member))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(http().post("/api/v1/members/me/inbox/nope/read", TestTokens.member(member), null)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    @Test
    void preferencesAreTheMembersOwnAndValidated() {
        String member = "m-" + UUID.randomUUID();
        String token = TestTokens.member(member);

        assertThat(fixture.tree(fixture.get("/api/v1/members/me/notification-preferences", token)
                                .getBody())
                        .toString())
                .isEqualTo("{\"inbox\":true,\"sms\":false,\"push\":true}");
        ResponseEntity<String> set =
                http().put("/api/v1/members/me/notification-preferences", token, "{\"sms\":true,\"push\":false}");
        assertThat(set.getStatusCode().value()).isEqualTo(200);
        assertThat(fixture.tree(fixture.get("/api/v1/members/me/notification-preferences", token)
                                .getBody())
                        .toString())
                .isEqualTo("{\"inbox\":true,\"sms\":true,\"push\":false}");
        var bad = http().put("/api/v1/members/me/notification-preferences", token, "{\"sms\":true}");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody()).contains("VALIDATION_FAILED");
    }

    private String earned(String member, long version, List<ExpiringPoints> expiring) {
        var envelope = fixture.wrap(
                new PointsEarned(
                        member,
                        "tr-" + UUID.randomUUID(),
                        "HOTEL",
                        "o-" + UUID.randomUUID(),
                        10,
                        false,
                        Instant.now().plus(Duration.ofDays(365)),
                        new PointsBalance(10, 0, 10, version, expiring)),
                "points-service",
                Instant.now());
        fixture.send(envelope);
        return envelope.eventId().toString();
    }

    private void issued(String member, String couponId, Instant expiresAt) {
        fixture.send(fixture.wrap(
                new CouponIssued(
                        member,
                        couponId,
                        "t-1",
                        "满100减20",
                        "FIXED",
                        2_000,
                        null,
                        null,
                        10_000,
                        List.of("DINE_IN"),
                        "PLATFORM",
                        "CLAIM",
                        Instant.now(),
                        expiresAt),
                "coupon-service",
                Instant.now()));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> fixture.jdbc()
                                .sql("SELECT COUNT(*) FROM notification_coupon WHERE coupon_id = ?")
                                .param(couponId)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    private void awaitProjected(String member) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> fixture.jdbc()
                                .sql("SELECT COUNT(*) FROM notification_points_version WHERE member_id = ?")
                                .param(member)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    private List<String> kinds(String member) {
        List<String> kinds = new ArrayList<>();
        inbox(member).forEach(m -> kinds.add(m.get("kind").asString()));
        return kinds;
    }

    private List<JsonNode> inbox(String member) {
        var answer = fixture.get("/api/v1/members/me/inbox", TestTokens.member(member));
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        fixture.tree(answer.getBody()).get("items").forEach(items::add);
        return items;
    }

    private TestHttp http() {
        return TestHttp.to(environment);
    }
}
