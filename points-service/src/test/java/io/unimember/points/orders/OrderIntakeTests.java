package io.unimember.points.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.points.Api;
import io.unimember.points.LedgerQueries;
import io.unimember.points.PointsIntegrationTest;
import io.unimember.testsupport.TestTokens;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

@PointsIntegrationTest
class OrderIntakeTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    /** Connections start with autocommit off: test data is written in a transaction, like everything else. */
    @Autowired
    TransactionTemplate tx;

    @Autowired
    JsonMapper mapper;

    @Test
    void anOrderEarnsOnePointPerYuanAndTheSameGrowth() {
        String member = Api.newMember();
        String orderId = Api.newId("o");

        Api.Reply reply = api.order("DINE_IN", member, orderId, 12_850);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().properties()).hasSize(4);
        assertThat(reply.text("orderId")).isEqualTo(orderId);
        assertThat(reply.number("pointsEarned")).isEqualTo(128);
        assertThat(reply.number("growthEarned")).isEqualTo(128);
        assertThat(reply.json().path("capped").asBoolean()).isFalse();
        Api.Reply me = api.me(member);
        assertThat(me.number("available")).isEqualTo(128);
        assertThat(me.number("lifetimeEarned")).isEqualTo(128);
        assertThat(me.json().path("expiring").get(0).path("points").asLong()).isEqualTo(128);
    }

    @Test
    void theTierMultiplierFromTheLocalProjectionAppliesRoundingDown() {
        String member = Api.newMember();
        tx.executeWithoutResult(
                status -> jdbc.sql("INSERT INTO member_tier (member_id, tier, points_multiplier, version, updated_at)"
                                + " VALUES (?, 'GOLD', ?, 1, NOW(6))")
                        .params(member, new BigDecimal("1.2"))
                        .update());

        String before = api.me(member).text("earningMultiplier");
        Api.Reply reply = api.order("HOTEL", member, Api.newId("o"), 10_050);

        assertThat(before)
                .as("what the member's next order earns at, shown before it")
                .isEqualTo("1.2");
        assertThat(reply.number("pointsEarned")).isEqualTo(120);
        assertThat(reply.number("growthEarned")).isEqualTo(100);
    }

    @Test
    void ratesAreDataPerBusinessUnit() {
        String bu = "TEST_" + Long.toString(System.nanoTime(), 36).toUpperCase();
        tx.executeWithoutResult(status -> jdbc.sql(
                        "INSERT INTO business_unit (code, name, points_per_yuan_bp, growth_per_yuan_bp) VALUES (?, ?, ?, ?)")
                .params(bu, "test", 20_000, 5_000)
                .update());

        Api.Reply reply = api.order(bu, Api.newMember(), Api.newId("o"), 10_000);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.number("pointsEarned")).isEqualTo(200);
        assertThat(reply.number("growthEarned")).isEqualTo(50);
    }

    @Test
    void replayingAnOrderAnswersTheSameAndEarnsOnce() {
        String member = Api.newMember();
        String orderId = Api.newId("o");
        Map<String, Object> body = api.orderBody(member, orderId, 5_000, Instant.now());

        Api.Reply first = api.post("/api/v1/bu/orders", TestTokens.bu("DINE_IN"), body);
        Api.Reply replay = api.post("/api/v1/bu/orders", TestTokens.bu("DINE_IN"), body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.raw()).isEqualTo(first.raw());
        assertThat(api.me(member).number("available")).isEqualTo(50);
        assertThat(LedgerQueries.count(
                        jdbc, "SELECT COUNT(*) FROM ledger_transfer WHERE member_id = ? AND kind = 'EARN'", member))
                .isEqualTo(1);
    }

    @Test
    void theSameOrderIdWithOtherContentIsAConflict() {
        String member = Api.newMember();
        String orderId = Api.newId("o");
        api.order("DINE_IN", member, orderId, 5_000);

        Api.Reply conflict = api.order("DINE_IN", member, orderId, 6_000);

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(api.me(member).number("available")).isEqualTo(50);
    }

    @Test
    void orderIdsAreUniquePerBusinessUnit() {
        String member = Api.newMember();
        String orderId = Api.newId("o");

        assertThat(api.order("DINE_IN", member, orderId, 5_000).status()).isEqualTo(201);
        assertThat(api.order("HOTEL", member, orderId, 5_000).status()).isEqualTo(201);

        assertThat(api.me(member).number("available")).isEqualTo(100);
    }

    @Test
    void aTokenOfAnUnknownBusinessUnitIsForbiddenNotAnError() {
        Api.Reply reply = api.order("NO_SUCH_BU", Api.newMember(), Api.newId("o"), 5_000);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("UNKNOWN_BU");
    }

    @Test
    void orderIntakeNeedsTheOrdersScope() {
        String member = Api.newMember();
        var body = api.orderBody(member, Api.newId("o"), 5_000, Instant.now());
        String redeemOnly = TestTokens.builder()
                .subject("bu-dine_in")
                .claim("bu", "DINE_IN")
                .scope("bu:redeem")
                .build();

        assertThat(api.post("/api/v1/bu/orders", redeemOnly, body).code()).isEqualTo("INSUFFICIENT_SCOPE");
        assertThat(api.post("/api/v1/bu/orders", TestTokens.member(member), body)
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/bu/orders", null, body).status()).isEqualTo(401);
        assertThat(api.me(member).number("available")).isZero();
    }

    /** Common's StrictJson reads every service strictly; points' application.yml says so again for its own mapper. */
    @Test
    void amountsAreReadStrictlyByTheMapperTheApiUses() {
        assertThat(mapper.isEnabled(DeserializationFeature.ACCEPT_FLOAT_AS_INT)).isFalse();
        assertThat(mapper.isEnabled(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES))
                .isTrue();
        assertThat(mapper.isEnabled(MapperFeature.ALLOW_COERCION_OF_SCALARS)).isFalse();
    }

    @Test
    void badInputIsA400ProblemNeverA500() {
        String token = TestTokens.bu("DINE_IN");
        String member = Api.newMember();
        String now = Instant.now().toString();
        String[] bodies = {
            "{\"orderId\":\"o1\",\"memberId\":\"" + member + "\",\"amountFen\":-5,\"occurredAt\":\"" + now + "\"}",
            "{\"orderId\":\"o1\",\"memberId\":\"" + member + "\",\"amountFen\":0,\"occurredAt\":\"" + now + "\"}",
            "{\"orderId\":\"o1\",\"memberId\":\"" + member + "\",\"amountFen\":100000000000000,\"occurredAt\":\"" + now
                    + "\"}",
            "{\"orderId\":\"o1\",\"memberId\":\"" + member
                    + "\",\"amountFen\":99999999999999999999999,\"occurredAt\":\"" + now + "\"}",
            "{\"orderId\":\"o1\",\"memberId\":\"" + member + "\",\"amountFen\":12.5,\"occurredAt\":\"" + now + "\"}",
            "{\"orderId\":\"o1\",\"memberId\":\"" + member + "\",\"amountFen\":\"100\",\"occurredAt\":\"" + now + "\"}",
            "{\"orderId\":\"o1\",\"memberId\":\"" + member + "\",\"amountFen\":100}",
            "{\"orderId\":\"o1\",\"memberId\":\"" + member + "\",\"amountFen\":100,\"occurredAt\":\"yesterday\"}",
            "{\"orderId\":\"o1\",\"memberId\":\"" + "x".repeat(65) + "\",\"amountFen\":100,\"occurredAt\":\"" + now
                    + "\"}",
            "{\"orderId\":\"o1\",\"memberId\":\"bad id; DROP TABLE\",\"amountFen\":100,\"occurredAt\":\"" + now + "\"}",
            "{\"orderId\":\"" + "o".repeat(200) + "\",\"memberId\":\"" + member
                    + "\",\"amountFen\":100,\"occurredAt\":\"" + now + "\"}",
            "{\"orderId\":\"o/1\",\"memberId\":\"" + member + "\",\"amountFen\":100,\"occurredAt\":\"" + now + "\"}",
            "{\"orderId\":\"o1\",\"memberId\":\"" + member + "\",\"amountFen\":100,\"occurredAt\":\"" + now
                    + "\",\"category\":\"" + "c".repeat(65) + "\"}",
            "{\"orderId\":\"o1\",\"memberId\":\"" + member + "\",\"amountFen\":100,\"occurredAt\":\""
                    + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}",
            "{\"orderId\":\"o1\",",
            "[]",
            "null"
        };
        for (String body : bodies) {
            Api.Reply reply = api.postRaw("/api/v1/bu/orders", token, body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.json().path("code").asString()).as(body).isIn("VALIDATION_FAILED", "MALFORMED_REQUEST");
        }
        assertThat(api.me(member).number("available")).isZero();
    }
}
