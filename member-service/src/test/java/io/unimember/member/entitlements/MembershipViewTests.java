package io.unimember.member.entitlements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.MembershipActivated;
import io.unimember.common.events.MembershipBenefitUsed;
import io.unimember.common.events.MembershipLapsed;
import io.unimember.common.events.MembershipRefunded;
import io.unimember.common.events.MembershipRenewed;
import io.unimember.common.events.MembershipTerms;
import io.unimember.common.inbox.EventCodec;
import io.unimember.member.MemberIntegrationTest;
import io.unimember.member.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The view's {@code membership {planCode, endsAt, counted}}, kept from membership events (DESIGN §13). */
class MembershipViewTests extends MemberIntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    TestApi api;

    @Autowired
    JsonMapper json;

    @Autowired
    EventCodec codec;

    @Autowired
    JdbcClient jdbc;

    TestEvents events;
    String memberId;
    String token;

    @BeforeEach
    void member() {
        events = new TestEvents(json, codec);
        memberId = TestEvents.newMemberId();
        token = api.memberToken(memberId);
    }

    @Test
    void theViewShowsThePlanItsEndAndWhatRemainsThisMonthUntilTheMembershipLapses() {
        Instant ends = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        events.send(events.envelope(new MembershipActivated(memberId, terms(ends), 1)));
        JsonNode active = awaitView(v -> v.has("membership"));
        assertThat(active.get("membership").get("planCode").asString()).isEqualTo("SUPER");
        assertThat(Instant.parse(active.get("membership").get("endsAt").asString()))
                .isEqualTo(ends);
        assertThat(active.get("membership").get("counted").get(0).get("benefit").asString())
                .isEqualTo("FREE_DELIVERY");
        assertThat(active.get("membership")
                        .get("counted")
                        .get(0)
                        .get("remaining")
                        .asInt())
                .isEqualTo(3);

        YearMonth month = YearMonth.now(SHANGHAI);
        Instant start = month.atDay(1).atStartOfDay(SHANGHAI).toInstant();
        Instant next = month.plusMonths(1).atDay(1).atStartOfDay(SHANGHAI).toInstant();
        EventEnvelope used =
                events.envelope(new MembershipBenefitUsed(memberId, "SUPER", "FREE_DELIVERY", 2, 3, start, next, 3));
        events.send(used);
        events.send(used);
        awaitView(
                v -> v.get("membership").get("counted").get(0).get("remaining").asInt() == 1);
        // an older use arriving late moves nothing back
        events.send(
                events.envelope(new MembershipBenefitUsed(memberId, "SUPER", "FREE_DELIVERY", 1, 3, start, next, 2)));
        events.send(events.envelope(new MembershipLapsed(memberId, "SUPER", ends, "RENEWAL_UNPAID", 4)));
        JsonNode lapsed = awaitView(v -> !v.has("membership"));
        assertThat(lapsed.get("tier").get("code").asString()).isEqualTo("REGULAR");
    }

    @Test
    void aUseCountedInAnotherMonthLeavesThisMonthsAllowanceWhole() {
        Instant ends = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        YearMonth last = YearMonth.now(SHANGHAI).minusMonths(1);
        events.send(events.envelope(new MembershipActivated(memberId, terms(ends), 1)));
        events.send(events.envelope(new MembershipBenefitUsed(
                memberId,
                "SUPER",
                "FREE_DELIVERY",
                3,
                3,
                last.atDay(1).atStartOfDay(SHANGHAI).toInstant(),
                last.plusMonths(1).atDay(1).atStartOfDay(SHANGHAI).toInstant(),
                2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> processedVersion() == 2);
        JsonNode view = view();
        assertThat(view.get("membership").get("counted").get(0).get("remaining").asInt())
                .isEqualTo(3);
    }

    @Test
    void aRefundedRenewalPaidAheadLeavesTheMembershipShownToItsOldEndAndARefundNowEndsIt() {
        Instant ends = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        Instant renewedTo = ends.plus(Duration.ofDays(30));
        events.send(events.envelope(new MembershipActivated(memberId, terms(ends), 1)));
        events.send(events.envelope(new MembershipRenewed(memberId, terms(renewedTo), 2)));
        awaitView(v -> v.has("membership")
                && Instant.parse(v.get("membership").get("endsAt").asString()).equals(renewedTo));

        events.send(events.envelope(refunded(ends, 3, ends)));
        await().atMost(Duration.ofSeconds(30)).until(() -> processedVersion() == 3);
        JsonNode shortened = view();
        assertThat(shortened.has("membership")).as(shortened.toString()).isTrue();
        assertThat(Instant.parse(shortened.get("membership").get("endsAt").asString()))
                .isEqualTo(ends);

        // the refund of a period already begun ends it at once
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        events.send(events.envelope(new MembershipRenewed(memberId, terms(renewedTo), 4)));
        awaitView(v -> v.has("membership")
                && Instant.parse(v.get("membership").get("endsAt").asString()).equals(renewedTo));
        events.send(events.envelope(refunded(now.minusSeconds(1), 5, now.minus(Duration.ofDays(3)))));
        awaitView(v -> !v.has("membership"));
    }

    private MembershipRefunded refunded(Instant endsAt, long version, Instant periodStart) {
        return new MembershipRefunded(
                memberId,
                "SUPER",
                "p-2",
                "r-" + version,
                "FOOD_DELIVERY",
                1800,
                List.of(new MembershipTerms.RevenueShare("FOOD_DELIVERY", 1800)),
                endsAt,
                version,
                periodStart);
    }

    @Test
    void anActivationThatCountsThisMonthsUsesShowsWhatRemainsOfThem() {
        Instant ends = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        YearMonth month = YearMonth.now(SHANGHAI);
        var counted = new MembershipTerms.Counted(
                "FREE_DELIVERY",
                3,
                2,
                month.atDay(1).atStartOfDay(SHANGHAI).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(SHANGHAI).toInstant());
        var base = terms(ends);
        var terms = new MembershipTerms(
                base.planCode(),
                base.planName(),
                base.purchaseId(),
                base.paymentId(),
                base.payingBu(),
                base.amountFen(),
                base.startsAt(),
                base.endsAt(),
                base.multiplierBp(),
                List.of(counted),
                base.coupons(),
                base.revenue());
        events.send(events.envelope(new MembershipActivated(memberId, terms, 1)));
        JsonNode view = awaitView(v -> v.has("membership"));
        assertThat(view.get("membership").get("counted").get(0).get("remaining").asInt())
                .isEqualTo(1);
    }

    /** The version of the membership the stored view holds (0: none yet). */
    private long processedVersion() {
        return jdbc.sql("SELECT view_json FROM entitlement_view WHERE member_id = ?")
                .param(memberId)
                .query(String.class)
                .optional()
                .map(v -> json.readTree(v).path("membership").path("version").asLong())
                .orElse(0L);
    }

    private static MembershipTerms terms(Instant ends) {
        return new MembershipTerms(
                "SUPER",
                "神会员",
                "p-1",
                "pay-1",
                "FOOD_DELIVERY",
                1800,
                Instant.now(),
                ends,
                15000,
                List.of(new MembershipTerms.Counted("FREE_DELIVERY", 3)),
                List.of(),
                List.of(new MembershipTerms.RevenueShare("FOOD_DELIVERY", 1800)));
    }

    private JsonNode awaitView(java.util.function.Predicate<JsonNode> done) {
        await().atMost(Duration.ofSeconds(30)).until(() -> done.test(view()));
        return view();
    }

    private JsonNode view() {
        var response = api.get("/api/v1/members/me/entitlements", token);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }
}
