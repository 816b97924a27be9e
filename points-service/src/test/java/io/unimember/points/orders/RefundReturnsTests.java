package io.unimember.points.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.Topics;
import io.unimember.points.Api;
import io.unimember.points.LedgerQueries;
import io.unimember.points.PointsIntegrationTest;
import io.unimember.testsupport.TestClock;
import io.unimember.testsupport.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Points spent on a refunded order come back (decision 0036): in proportion, to their lots, or to expiry. */
@PointsIntegrationTest
class RefundReturnsTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    JsonMapper json;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aFullRefundGivesBackThePointsSpentOnTheOrderIntoTheirLot() {
        String member = Api.newMember();
        api.order("DINE_IN", member, Api.newId("o"), 1_000_000); // 10,000 points
        String expiry =
                api.me(member).json().path("expiring").get(0).path("expiresAt").asString();
        String orderId = Api.newId("o");
        api.spendOn("DINE_IN", member, orderId, 5_000);
        api.order("DINE_IN", member, orderId, 20_000); // ¥200, earns 200 into the same lot

        Api.Reply refund = api.refund("DINE_IN", orderId, Api.newId("r"), 20_000);

        assertThat(refund.status()).isEqualTo(201);
        assertThat(refund.number("pointsReturned")).isEqualTo(5_000);
        assertThat(refund.number("pointsReversed")).isEqualTo(200);
        assertThat(refund.number("shortfall")).isZero();
        Api.Reply me = api.me(member);
        assertThat(me.number("available")).isEqualTo(10_000);
        assertThat(me.json().path("expiring")).hasSize(1);
        assertThat(me.json().path("expiring").get(0).path("expiresAt").asString())
                .isEqualTo(expiry);
        assertThat(me.json().path("expiring").get(0).path("points").asLong()).isEqualTo(10_000);
        var ledger = LedgerQueries.of(jdbc, member);
        assertThat(ledger.spent()).as("nothing stays redeemed").isZero();
        assertThat(ledger.available()).isEqualTo(10_000);
        assertThat(ledger.expired()).isZero();
    }

    @Test
    void partialRefundsGiveBackTheirShareRoundedDownAndAllOfItInTheEnd() {
        String member = Api.newMember();
        api.order("HOTEL", member, Api.newId("o"), 100_000); // 1,000 points
        String orderId = Api.newId("o");
        api.spendOn("DINE_IN", member, orderId, 999);
        api.order("DINE_IN", member, orderId, 1_000); // 10 points

        // cumulative floor(999 × refunded / 1,000): 332, 665, 998, 999
        List<Long> returned = List.of(333L, 333L, 333L, 1L).stream()
                .map(fen -> api.refund("DINE_IN", orderId, Api.newId("r"), fen).number("pointsReturned"))
                .toList();

        assertThat(returned).containsExactly(332L, 333L, 333L, 1L);
        assertThat(api.me(member).number("available")).isEqualTo(1_000);
        assertThat(LedgerQueries.of(jdbc, member).spent()).isZero();
    }

    @Test
    void pointsOfALotThatExpiredMeanwhileGoToTheExpiryAccountAndTheRestBackToTheMember() {
        String member = Api.newMember();
        clock.travelTo(Instant.parse("2025-01-10T04:00:00Z"));
        api.order("DINE_IN", member, Api.newId("o"), 10_000); // 100, expiring 2026-02-01 Shanghai
        clock.travelTo(Instant.parse("2025-03-10T04:00:00Z"));
        api.order("HOTEL", member, Api.newId("o"), 20_000); // 200, expiring 2026-04-01 Shanghai
        clock.travelTo(Instant.parse("2026-01-20T04:00:00Z"));
        String orderId = Api.newId("o");
        api.spendOn("RETAIL", member, orderId, 250); // 100 of the January lot, 150 of the March one
        api.order("RETAIL", member, orderId, 10_000); // 100 more, expiring 2027
        clock.travelTo(Instant.parse("2026-02-05T04:00:00Z")); // the January lot has expired

        Api.Reply refund = api.refund("RETAIL", orderId, Api.newId("r"), 10_000);

        assertThat(refund.number("pointsReturned")).isEqualTo(250);
        assertThat(refund.number("pointsReversed")).isEqualTo(100);
        // 300 − 250 + 100, then 150 back to the March lot and 100 reversed
        assertThat(api.me(member).number("available")).isEqualTo(200);
        var ledger = LedgerQueries.of(jdbc, member);
        assertThat(ledger.expired()).as("the January lot's 100 went to expiry").isEqualTo(100);
        assertThat(ledger.spent()).isZero();
        assertThat(expiryOf(member, "DINE_IN")).isEqualTo(100);
        assertThat(expiryOf(member, "HOTEL")).isZero();
        assertThat(api.me(member).json().path("expiring").get(0).path("points").asLong())
                .as("the March lot holds its 200 again")
                .isEqualTo(200);
    }

    @Test
    void theSameRefundTwiceGivesBackOnce() {
        String member = Api.newMember();
        api.order("DINE_IN", member, Api.newId("o"), 100_000);
        String orderId = Api.newId("o");
        api.spendOn("DINE_IN", member, orderId, 600);
        api.order("DINE_IN", member, orderId, 10_000);
        String refundId = Api.newId("r");

        Api.Reply first = api.refund("DINE_IN", orderId, refundId, 5_000);
        Api.Reply again = api.refund("DINE_IN", orderId, refundId, 5_000);

        assertThat(first.number("pointsReturned")).isEqualTo(300);
        assertThat(again.raw()).isEqualTo(first.raw());
        assertThat(api.me(member).number("available")).isEqualTo(1_000 - 600 + 100 + 300 - 50);
        assertThat(LedgerQueries.count(
                        jdbc,
                        "SELECT COUNT(*) FROM ledger_transfer WHERE kind = 'RETURN' AND bu = ? AND reference = ?",
                        "DINE_IN",
                        refundId))
                .isEqualTo(1);
    }

    @Test
    void pointsSpentOnAnotherOrderOrAtAnotherBusinessUnitStaySpent() {
        String member = Api.newMember();
        api.order("DINE_IN", member, Api.newId("o"), 100_000);
        String orderId = Api.newId("o");
        api.spendOn("HOTEL", member, orderId, 300); // same order id, but another BU's checkout
        api.spendOn("DINE_IN", member, Api.newId("o"), 200);
        api.order("DINE_IN", member, orderId, 10_000);

        Api.Reply refund = api.refund("DINE_IN", orderId, Api.newId("r"), 10_000);

        assertThat(refund.number("pointsReturned")).isZero();
        assertThat(LedgerQueries.of(jdbc, member).spent()).isEqualTo(500);
    }

    @Test
    void theReturnIsPublishedAsPointsRefundedWithItsLots() {
        String member = Api.newMember();
        api.order("HOTEL", member, Api.newId("o"), 100_000);
        String orderId = Api.newId("o");
        api.spendOn("DINE_IN", member, orderId, 400);
        api.order("DINE_IN", member, orderId, 10_000);
        String refundId = Api.newId("r");

        api.refund("DINE_IN", orderId, refundId, 2_500);

        List<ConsumerRecord<String, String>> records = TestKafka.records(
                Topics.POINTS,
                v -> v.contains("\"type\":\"points.refunded\"") && v.contains(refundId),
                1,
                Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().key()).isEqualTo(member);
        JsonNode envelope = json.readTree(records.getFirst().value());
        assertThat(envelope.path("type").asString()).isEqualTo("points.refunded");
        assertThat(envelope.path("source").asString()).isEqualTo("points-service");
        assertThat(envelope.path("version").asInt()).isEqualTo(1);
        assertThat(java.util
                        .UUID
                        .fromString(envelope.path("eventId").asString())
                        .version())
                .as("§8: a time-ordered UUID")
                .isEqualTo(7);
        assertThat(envelope.path("memberId").asString()).isEqualTo(member);
        assertThat(Instant.parse(envelope.path("occurredAt").asString())).isBeforeOrEqualTo(Instant.now());
        JsonNode data = envelope.path("data");
        assertThat(data.path("memberId").asString()).isEqualTo(member);
        assertThat(data.path("refundId").asString()).isEqualTo(refundId);
        assertThat(data.path("orderId").asString()).isEqualTo(orderId);
        assertThat(data.path("points").asLong()).isEqualTo(100);
        assertThat(data.path("lots")).hasSize(1);
        assertThat(data.path("lots").get(0).path("issuingBu").asString()).isEqualTo("HOTEL");
        assertThat(data.path("lots").get(0).path("points").asLong()).isEqualTo(100);
        assertThat(data.path("lots").get(0).path("expired").asBoolean()).isFalse();
        assertThat(data.path("balance").path("available").asLong()).isEqualTo(1_000 - 400 + 100 + 100);
    }

    private long expiryOf(String member, String issuingBu) {
        return LedgerQueries.count(
                jdbc,
                "SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entry e JOIN ledger_transfer t"
                        + " ON t.transfer_id = e.transfer_id WHERE t.member_id = ? AND e.account_type = 'EXPIRY'"
                        + " AND e.account_ref = ?",
                member,
                issuingBu);
    }
}
