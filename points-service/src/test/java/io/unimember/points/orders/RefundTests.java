package io.unimember.points.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.points.Api;
import io.unimember.points.LedgerQueries;
import io.unimember.points.PointsIntegrationTest;
import io.unimember.testsupport.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PointsIntegrationTest
class RefundTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRefundReversesPointsInProportionRoundingDown() {
        String member = Api.newMember();
        String orderId = Api.newId("o");
        api.order("DINE_IN", member, orderId, 99_900); // 999 points

        Api.Reply refund = api.refund("DINE_IN", orderId, Api.newId("r"), 33_333);

        assertThat(refund.status()).isEqualTo(201);
        // floor(999 × 33,333 / 99,900) = 333
        assertThat(refund.number("pointsReversed")).isEqualTo(333);
        assertThat(refund.number("shortfall")).isZero();
        assertThat(refund.number("refundedFen")).isEqualTo(33_333);
        // growth by the same rule: floor(999 × 33,333 / 99,900) of the order's 999
        assertThat(refund.number("growthReversed")).isEqualTo(333);
        assertThat(api.me(member).number("available")).isEqualTo(999 - 333);
        assertThat(api.me(member).number("lifetimeEarned")).isEqualTo(999 - 333);
    }

    @Test
    void refundsInPartsReverseExactlyAllThePointsOfAFullRefund() {
        String member = Api.newMember();
        String orderId = Api.newId("o");
        api.order("DINE_IN", member, orderId, 1_000); // 10 points

        long reversed = 0;
        long growth = 0;
        for (long fen : new long[] {333, 333, 333, 1}) {
            Api.Reply refund = api.refund("DINE_IN", orderId, Api.newId("r"), fen);
            reversed += refund.number("pointsReversed");
            growth += refund.number("growthReversed");
        }

        assertThat(reversed).isEqualTo(10);
        assertThat(growth)
                .as("all the order's growth, as tier-service reverses it")
                .isEqualTo(10);
        assertThat(api.me(member).number("available")).isZero();
    }

    @Test
    void refundsCannotAddUpToMoreThanTheOrder() {
        String member = Api.newMember();
        String orderId = Api.newId("o");
        api.order("DINE_IN", member, orderId, 10_000);
        api.refund("DINE_IN", orderId, Api.newId("r"), 6_000);

        Api.Reply tooMuch = api.refund("DINE_IN", orderId, Api.newId("r"), 4_001);

        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.code()).isEqualTo("REFUND_EXCEEDS_ORDER");
        assertThat(tooMuch.number("refundableFen")).isEqualTo(4_000);
        assertThat(api.me(member).number("available")).isEqualTo(40);
    }

    @Test
    void replayingARefundAnswersTheSameAndReversesOnce() {
        String member = Api.newMember();
        String orderId = Api.newId("o");
        String refundId = Api.newId("r");
        api.order("DINE_IN", member, orderId, 10_000);

        Api.Reply first = api.refund("DINE_IN", orderId, refundId, 5_000);
        Api.Reply replay = api.refund("DINE_IN", orderId, refundId, 5_000);
        Api.Reply conflict = api.refund("DINE_IN", orderId, refundId, 4_000);

        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.raw()).isEqualTo(first.raw());
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(api.me(member).number("available")).isEqualTo(50);
    }

    @Test
    void aRefundOfAnotherBusinessUnitsOrderIsNotFound() {
        String orderId = Api.newId("o");
        api.order("DINE_IN", Api.newMember(), orderId, 10_000);

        Api.Reply reply = api.refund("HOTEL", orderId, Api.newId("r"), 5_000);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("ORDER_NOT_FOUND");
    }

    @Test
    void spentPointsBecomeAShortfallRecoveredFromLaterEarnings() {
        String member = Api.newMember();
        String orderId = Api.newId("o");
        api.order("DINE_IN", member, orderId, 100_000); // 1,000 points
        String holdId = Api.newId("h");
        api.hold("ENTERTAINMENT", member, holdId, 800);
        api.confirm("ENTERTAINMENT", holdId);

        Api.Reply refund = api.refund("DINE_IN", orderId, Api.newId("r"), 100_000);

        assertThat(refund.number("pointsReversed")).isEqualTo(1_000);
        assertThat(refund.number("shortfall")).isEqualTo(800);
        assertThat(api.me(member).number("available")).isZero();
        assertThat(LedgerQueries.of(jdbc, member).debt()).isEqualTo(800);

        api.order("HOTEL", member, Api.newId("o"), 50_000); // 500 points, all recovered
        assertThat(api.me(member).number("available")).isZero();
        assertThat(LedgerQueries.of(jdbc, member).debt()).isEqualTo(300);

        api.order("HOTEL", member, Api.newId("o"), 50_000); // 300 recovered, 200 left
        Api.Reply me = api.me(member);
        assertThat(me.number("available")).isEqualTo(200);
        assertThat(me.json().path("expiring").get(0).path("points").asLong()).isEqualTo(200);
        assertThat(LedgerQueries.of(jdbc, member).debt()).isZero();
        assertThat(LedgerQueries.balanceRow(jdbc, member)[3]).isZero();
    }

    @Test
    void refundBodiesAreValidated() {
        String orderId = Api.newId("o");
        api.order("DINE_IN", Api.newMember(), orderId, 10_000);
        String token = TestTokens.bu("DINE_IN");

        for (Map<String, Object> body : java.util.List.<Map<String, Object>>of(
                Map.of("refundId", "r1", "amountFen", -1),
                Map.of("refundId", "r1", "amountFen", 0),
                Map.of("refundId", "r 1", "amountFen", 100),
                Map.of("amountFen", 100))) {
            Api.Reply reply = api.post("/api/v1/bu/orders/" + orderId + "/refunds", token, body);
            assertThat(reply.status()).as(body.toString()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
        }
        Api.Reply badPath = api.post(
                "/api/v1/bu/orders/" + "x".repeat(100) + "/refunds", token, Map.of("refundId", "r1", "amountFen", 1));
        assertThat(badPath.status()).isEqualTo(400);
    }

    /** Whatever a BU sends to the refund endpoint, a bad request is a 4xx problem naming what is wrong, never a 500. */
    @Test
    void badRefundRequestsAreProblemsNeverServerErrors() {
        String orderId = Api.newId("o");
        api.order("DINE_IN", Api.newMember(), orderId, 10_000);
        String token = TestTokens.bu("DINE_IN");
        String path = "/api/v1/bu/orders/" + orderId + "/refunds";

        for (String body : java.util.List.of(
                "{",
                "",
                "[]",
                "null",
                "{\"refundId\":\"r1\",\"amountFen\":\"abc\"}",
                "{\"refundId\":\"r1\",\"amountFen\":1.5}",
                "{\"refundId\":\"r1\",\"amountFen\":99999999999999999999999}",
                "{\"refundId\":\"r1\",\"amountFen\":1000000000001}",
                "{\"refundId\":\"r1\"}",
                "{\"refundId\":\"" + "r".repeat(200) + "\",\"amountFen\":100}",
                "{\"refundId\":12,\"amountFen\":100}",
                "{\"refundId\":\"r\u0000\",\"amountFen\":100}")) {
            Api.Reply reply = api.postRaw(path, token, body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.code()).as(body).isIn("VALIDATION_FAILED", "MALFORMED_REQUEST", "BAD_REQUEST");
            assertThat(reply.json().path("status").asInt()).as(body).isEqualTo(400);
        }
        for (String badOrder : java.util.List.of("a%20b", "%00", "..", "o%2Fx")) {
            Api.Reply reply = api.post(
                    "/api/v1/bu/orders/" + badOrder + "/refunds", token, Map.of("refundId", "r1", "amountFen", 1));
            assertThat(reply.status()).as(badOrder).isBetween(400, 404);
        }
        Api.Reply unknownOrder = api.post(
                "/api/v1/bu/orders/" + Api.newId("o") + "/refunds", token, Map.of("refundId", "r1", "amountFen", 1));
        assertThat(unknownOrder.status()).isEqualTo(404);
        assertThat(unknownOrder.code()).isEqualTo("ORDER_NOT_FOUND");
        Api.Reply memberToken =
                api.post(path, TestTokens.member(Api.newMember()), Map.of("refundId", "r1", "amountFen", 1));
        assertThat(memberToken.status()).isEqualTo(403);
    }
}
