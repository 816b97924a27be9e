package io.unimember.points.holds;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.points.Api;
import io.unimember.points.LedgerQueries;
import io.unimember.points.PointsIntegrationTest;
import io.unimember.testsupport.TestClock;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PointsIntegrationTest
class HoldsTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    HoldReleaseJob releaseJob;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String memberWith(long points) {
        String member = Api.newMember();
        api.order("DINE_IN", member, Api.newId("o"), points * 100);
        return member;
    }

    @Test
    void aHoldFreezesPointsUntilConfirmedAndThenTheyAreSpent() {
        String member = memberWith(1_000);
        String holdId = Api.newId("h");

        Api.Reply hold = api.hold("ENTERTAINMENT", member, holdId, 300);

        assertThat(hold.status()).isEqualTo(201);
        assertThat(hold.text("holdId")).isEqualTo(holdId);
        assertThat(Instant.parse(hold.text("expiresAt")))
                .isBetween(
                        Instant.now().plus(Duration.ofMinutes(14)),
                        Instant.now().plus(Duration.ofMinutes(16)));
        assertThat(api.me(member).number("available")).isEqualTo(700);
        assertThat(api.me(member).number("frozen")).isEqualTo(300);

        Api.Reply confirmed = api.confirm("ENTERTAINMENT", holdId);

        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");
        assertThat(api.me(member).number("available")).isEqualTo(700);
        assertThat(api.me(member).number("frozen")).isZero();
        assertThat(LedgerQueries.of(jdbc, member).spent()).isEqualTo(300);
    }

    @Test
    void spendingTakesTheOldestLotsFirstAndNamesTheirIssuingBusinessUnits() {
        String member = Api.newMember();
        clock.travelTo(Instant.parse("2026-01-10T04:00:00Z"));
        api.order("DINE_IN", member, Api.newId("o"), 30_000); // 300, expires end of Jan 2027
        clock.travelTo(Instant.parse("2026-02-10T04:00:00Z"));
        api.order("HOTEL", member, Api.newId("o"), 50_000); // 500, expires end of Feb 2027
        api.order("DINE_IN", member, Api.newId("o"), 10_000); // 100, expires end of Feb 2027
        String holdId = Api.newId("h");
        api.hold("ENTERTAINMENT", member, holdId, 400);

        Api.Reply confirmed = api.confirm("ENTERTAINMENT", holdId);

        assertThat(confirmed.json().path("lots").toString())
                .isEqualTo("[{\"issuingBu\":\"DINE_IN\",\"points\":300},{\"issuingBu\":\"HOTEL\",\"points\":100}]");
        Api.Reply me = api.me(member);
        assertThat(me.json().path("expiring").size()).isEqualTo(1);
        assertThat(me.json().path("expiring").get(0).path("points").asLong()).isEqualTo(500);
    }

    @Test
    void confirmingTwiceSpendsOnceAndAnswersTheSame() {
        String member = memberWith(500);
        String holdId = Api.newId("h");
        api.hold("RETAIL", member, holdId, 200);

        Api.Reply first = api.confirm("RETAIL", holdId);
        Api.Reply again = api.confirm("RETAIL", holdId);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.raw()).isEqualTo(first.raw());
        assertThat(api.me(member).number("available")).isEqualTo(300);
        assertThat(LedgerQueries.of(jdbc, member).spent()).isEqualTo(200);
        assertThat(LedgerQueries.count(
                        jdbc, "SELECT COUNT(*) FROM ledger_transfer WHERE member_id = ? AND kind = 'REDEEM'", member))
                .isEqualTo(1);
    }

    @Test
    void cancellingReleasesThePointsAndAHoldResolvesOnlyOnce() {
        String member = memberWith(500);
        String holdId = Api.newId("h");
        api.hold("RETAIL", member, holdId, 200);

        Api.Reply cancelled = api.cancel("RETAIL", holdId);
        Api.Reply cancelledAgain = api.cancel("RETAIL", holdId);
        Api.Reply confirmAfterCancel = api.confirm("RETAIL", holdId);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(cancelledAgain.raw()).isEqualTo(cancelled.raw());
        assertThat(confirmAfterCancel.status()).isEqualTo(409);
        assertThat(confirmAfterCancel.code()).isEqualTo("HOLD_ALREADY_RESOLVED");
        assertThat(api.me(member).number("available")).isEqualTo(500);
        assertThat(api.me(member).number("frozen")).isZero();
        assertThat(LedgerQueries.of(jdbc, member).spent()).isZero();
    }

    @Test
    void cancellingAConfirmedHoldIsRefused() {
        String member = memberWith(500);
        String holdId = Api.newId("h");
        api.hold("RETAIL", member, holdId, 200);
        api.confirm("RETAIL", holdId);

        Api.Reply cancel = api.cancel("RETAIL", holdId);

        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.code()).isEqualTo("HOLD_ALREADY_RESOLVED");
        assertThat(api.me(member).number("available")).isEqualTo(300);
    }

    @Test
    void holdingMoreThanAvailableIsRefused() {
        String member = memberWith(100);

        Api.Reply tooMuch = api.hold("RETAIL", member, Api.newId("h"), 101);
        Api.Reply noBalance = api.hold("RETAIL", Api.newMember(), Api.newId("h"), 1);

        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.code()).isEqualTo("POINTS_INSUFFICIENT");
        assertThat(tooMuch.number("available")).isEqualTo(100);
        assertThat(noBalance.status()).isEqualTo(409);
        assertThat(noBalance.code()).isEqualTo("POINTS_INSUFFICIENT");
        assertThat(api.me(member).number("available")).isEqualTo(100);
    }

    @Test
    void replayingAHoldAnswersTheSameAndFreezesOnce() {
        String member = memberWith(500);
        String holdId = Api.newId("h");

        Api.Reply first = api.hold("RETAIL", member, holdId, 200);
        Api.Reply replay = api.hold("RETAIL", member, holdId, 200);
        Api.Reply conflict = api.hold("RETAIL", member, holdId, 201);

        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.raw()).isEqualTo(first.raw());
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(api.me(member).number("frozen")).isEqualTo(200);
    }

    @Test
    void holdsBelongToTheBusinessUnitThatMadeThem() {
        String member = memberWith(500);
        String holdId = Api.newId("h");
        api.hold("RETAIL", member, holdId, 200);

        Api.Reply otherBu = api.confirm("HOTEL", holdId);

        assertThat(otherBu.status()).isEqualTo(404);
        assertThat(otherBu.code()).isEqualTo("HOLD_NOT_FOUND");
        assertThat(api.me(member).number("frozen")).isEqualTo(200);
    }

    @Test
    void anUnconfirmedHoldIsReleasedAfterFifteenMinutesOnce() {
        String member = memberWith(500);
        String holdId = Api.newId("h");
        api.hold("RETAIL", member, holdId, 200);

        clock.advance(Duration.ofMinutes(14));
        releaseJob.run();
        assertThat(api.me(member).number("frozen")).isEqualTo(200);

        clock.advance(Duration.ofMinutes(2));
        Api.Reply lateConfirm = api.confirm("RETAIL", holdId);
        assertThat(lateConfirm.status()).isEqualTo(409);
        assertThat(lateConfirm.code()).isEqualTo("HOLD_EXPIRED");
        releaseJob.run();
        releaseJob.run();

        assertThat(api.me(member).number("available")).isEqualTo(500);
        assertThat(api.me(member).number("frozen")).isZero();
        assertThat(api.get("/api/v1/points/holds/" + holdId, TestTokens.bu("RETAIL"))
                        .text("status"))
                .isEqualTo("EXPIRED");
        assertThat(api.confirm("RETAIL", holdId).code()).isEqualTo("HOLD_ALREADY_RESOLVED");
        assertThat(LedgerQueries.count(
                        jdbc, "SELECT COUNT(*) FROM ledger_transfer WHERE member_id = ? AND kind = 'RELEASE'", member))
                .isEqualTo(1);
    }

    @Test
    void holdsNeedTheRedeemScopeAndValidInput() {
        String member = memberWith(500);
        String ordersOnly = TestTokens.builder()
                .subject("bu-retail")
                .claim("bu", "RETAIL")
                .scope("bu:orders")
                .build();
        var body = Map.of("holdId", Api.newId("h"), "memberId", member, "points", 10, "orderRef", "x");

        assertThat(api.post("/api/v1/points/holds", ordersOnly, body).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/points/holds", TestTokens.member(member), body)
                        .status())
                .isEqualTo(403);
        for (var bad : java.util.List.<Map<String, Object>>of(
                Map.of("holdId", "h1", "memberId", member, "points", 0, "orderRef", "x"),
                Map.of("holdId", "h1", "memberId", member, "points", -3, "orderRef", "x"),
                Map.of("holdId", "h1", "memberId", member, "points", 10_000_000_000L, "orderRef", "x"),
                Map.of("holdId", "h 1", "memberId", member, "points", 1, "orderRef", "x"),
                Map.of("holdId", "h1", "memberId", member, "points", 1, "orderRef", "x".repeat(129)),
                Map.of("holdId", "h1", "memberId", member, "points", 1))) {
            Api.Reply reply = api.post("/api/v1/points/holds", TestTokens.bu("RETAIL"), bad);
            assertThat(reply.status()).as(bad.toString()).isEqualTo(400);
        }
        assertThat(api.confirm("RETAIL", "no-such-hold").status()).isEqualTo(404);
        assertThat(api.me(member).number("available")).isEqualTo(500);
    }
}
