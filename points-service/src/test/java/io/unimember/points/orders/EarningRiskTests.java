package io.unimember.points.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.BuOrderReported;
import io.unimember.common.events.DomainEvent;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.RiskReviewDecided;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.common.risk.Checkpoint;
import io.unimember.common.risk.Counter;
import io.unimember.common.risk.Dimension;
import io.unimember.common.risk.FrozenMembers;
import io.unimember.common.risk.RiskPolicies;
import io.unimember.common.risk.RiskPolicy;
import io.unimember.common.risk.RiskProperties;
import io.unimember.common.risk.RiskRule;
import io.unimember.points.Api;
import io.unimember.points.LedgerQueries;
import io.unimember.points.PointsIntegrationTest;
import io.unimember.points.earning.BusinessUnits;
import io.unimember.testsupport.TestKafka;
import io.unimember.testsupport.TestOutbox;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Risk control on earning (design §14): a frozen member's orders are recorded and earn nothing, by REST and Kafka
 * alike; an order earning at least the large-earning threshold is a decision that may refuse its points or park them
 * for review, whose decision on {@code risk.events.v1} credits them once or never; below the threshold nothing is
 * decided at all.
 */
@PointsIntegrationTest
class EarningRiskTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    FrozenMembers frozenMembers;

    @Autowired
    RiskPolicies policies;

    @Autowired
    RiskProperties riskProperties;

    @Autowired
    io.unimember.points.PointsProperties properties;

    @Autowired
    OrderAcceptance acceptance;

    @Autowired
    BusinessUnits units;

    @Autowired
    EventCodec codec;

    @Autowired
    JsonMapper json;

    private final List<String> frozen = new ArrayList<>();

    @BeforeEach
    void noRules() {
        policies.publish(RiskPolicy.NONE);
    }

    @AfterEach
    void resetRisk() {
        frozenMembers.remove(frozen);
        frozen.clear();
        policies.publish(RiskPolicy.NONE);
    }

    @Test
    void aFrozenMembersOrderIsRecordedAndEarnsNothingUntilTheMemberIsUnfrozen() {
        String member = Api.newMember();
        api.order("DINE_IN", member, Api.newId("o"), 10_000); // 100 points before the freeze
        freeze(member);
        String orderId = Api.newId("o");
        Map<String, Object> order = api.orderBody(member, orderId, 8_800, Instant.now());

        Api.Reply receipt = api.post("/api/v1/bu/orders", TestTokens.bu("DINE_IN"), order);

        assertThat(receipt.status()).isEqualTo(201);
        assertThat(receipt.number("pointsEarned")).isZero();
        assertThat(receipt.number("growthEarned")).isZero();
        assertThat(receipt.json().path("capped").asBoolean()).isFalse();
        assertThat(receipt.text("risk")).isEqualTo("FROZEN");
        assertThat(orderRow(orderId)).containsEntry("member_id", member).containsEntry("points_earned", 0L);
        assertThat(orderRow(orderId)).containsEntry("growth_earned", 0L);
        assertThat(api.me(member).number("available")).isEqualTo(100);
        assertThat(earnTransfers(member, orderId)).isZero();
        // growth (tier-service) and rewards (coupon-service) are earned on order.completed: none for this order
        TestOutbox.awaitSent(dataSource, orderId);
        assertThat(TestKafka.recordsUpToNow(Topics.ORDER, v -> v.contains(orderId)))
                .isEmpty();
        // a replay answers the first receipt, risk and all
        Api.Reply replay = api.post("/api/v1/bu/orders", TestTokens.bu("DINE_IN"), order);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.raw()).isEqualTo(receipt.raw());

        unfreeze(member);
        Api.Reply after = api.order("DINE_IN", member, Api.newId("o"), 8_800);

        assertThat(after.number("pointsEarned")).isEqualTo(88);
        assertThat(after.number("growthEarned")).isEqualTo(88);
        assertThat(after.json().has("risk")).isFalse();
        assertThat(api.me(member).number("available")).isEqualTo(188);
    }

    @Test
    void refundingAFrozenMembersOrderTakesBackNothingItNeverEarned() {
        String member = Api.newMember();
        api.order("DINE_IN", member, Api.newId("o"), 10_000); // 100 points
        freeze(member);
        String orderId = Api.newId("o");
        api.order("DINE_IN", member, orderId, 8_800);

        Api.Reply refund = api.refund("DINE_IN", orderId, Api.newId("r"), 8_800);

        assertThat(refund.status()).isEqualTo(201);
        assertThat(refund.number("pointsReversed")).isZero();
        assertThat(refund.number("shortfall")).isZero();
        assertThat(api.me(member).number("available")).isEqualTo(100);
        assertThat(LedgerQueries.of(jdbc, member).debt()).isZero();
    }

    @Test
    void aFrozenMembersOrderOnKafkaIsRecordedAndEarnsNothing() {
        String member = Api.newMember();
        freeze(member);
        String orderId = Api.newId("o");
        Instant occurredAt = Instant.now();

        send(Topics.BU_ORDERS, new BuOrderReported(member, "RETAIL", orderId, 15_000, occurredAt, null));

        await().atMost(WAIT).until(() -> orderCount(orderId) == 1);
        assertThat(orderRow(orderId)).containsEntry("points_earned", 0L).containsEntry("growth_earned", 0L);
        assertThat(api.me(member).number("available")).isZero();
        // the same order through REST is the same order, answered with the receipt the Kafka intake stored
        Api.Reply rest = api.post(
                "/api/v1/bu/orders", TestTokens.bu("RETAIL"), api.orderBody(member, orderId, 15_000, occurredAt));
        assertThat(rest.status()).isEqualTo(201);
        assertThat(rest.number("pointsEarned")).isZero();
        assertThat(rest.text("risk")).isEqualTo("FROZEN");
    }

    @Test
    void anOrderTakenOnItsOwnChecksTheFreezeToo() {
        // group commit's one-by-one path (a replay, a batch that gave way): the same rule
        String member = Api.newMember();
        freeze(member);
        String orderId = Api.newId("o");

        OrderReceipt receipt = acceptance.accept(units.require("HOTEL"), request(member, orderId, 50_000));

        assertThat(receipt).isEqualTo(new OrderReceipt(orderId, 0, 0, false, OrderRisk.FROZEN));
        assertThat(orderRow(orderId)).containsEntry("points_earned", 0L);
        assertThat(api.me(member).number("available")).isZero();
    }

    @Test
    void aLargeOrderADecisionDeniesIsRecordedEarnsNothingAndLeavesItsDecision() {
        earningRule(100); // every large earning scores the policy's denyAt
        String member = Api.newMember();
        String orderId = Api.newId("o");

        Api.Reply receipt = api.order("DINE_IN", member, orderId, largeAmountFen());

        assertThat(receipt.status()).isEqualTo(201);
        assertThat(receipt.number("pointsEarned")).isZero();
        assertThat(receipt.number("growthEarned")).isZero();
        assertThat(receipt.text("risk")).isEqualTo("DENIED");
        assertThat(orderRow(orderId)).containsEntry("points_earned", 0L).containsEntry("growth_earned", 0L);
        assertThat(api.me(member).number("available")).isZero();
        Map<String, Object> decision = decisionOf(member);
        assertThat(decision)
                .containsEntry("checkpoint", "EARNING")
                .containsEntry("outcome", "DENY")
                .containsEntry("subject_ref", "order:" + orderId);
        assertThat(((Number) decision.get("score")).intValue()).isEqualTo(100);
        assertThat((String) decision.get("rules")).contains("test-large-earnings");
        assertThat(parked(orderId)).isEmpty();
    }

    @Test
    void aLargeOrderTakenOnItsOwnIsDecidedToo() {
        earningRule(100);
        String member = Api.newMember();
        String orderId = Api.newId("o");

        OrderReceipt receipt = acceptance.accept(units.require("HOTEL"), request(member, orderId, largeAmountFen()));

        assertThat(receipt.risk()).isEqualTo(OrderRisk.DENIED);
        assertThat(receipt.pointsEarned()).isZero();
        assertThat(decisionOf(member)).containsEntry("outcome", "DENY");
        assertThat(api.me(member).number("available")).isZero();
    }

    @Test
    void aParkedEarningIsCreditedOnceWhenItsReviewIsApprovedHoweverOftenTheDecisionArrives() {
        earningRule(60); // between the policy's reviewAt (50) and denyAt (100)
        String member = Api.newMember();
        String orderId = Api.newId("o");
        long points = riskProperties.largeEarningPoints();

        Api.Reply receipt = api.order("DINE_IN", member, orderId, largeAmountFen());

        assertThat(receipt.status()).isEqualTo(201);
        assertThat(receipt.number("pointsEarned")).isZero();
        assertThat(receipt.text("risk")).isEqualTo("PENDING_REVIEW");
        assertThat(api.me(member).number("available")).isZero();
        Map<String, Object> decision = decisionOf(member);
        assertThat(decision).containsEntry("outcome", "REVIEW");
        String reviewId = (String) decision.get("id");
        assertThat(parked(orderId))
                .containsEntry("review_id", reviewId)
                .containsEntry("status", "PENDING")
                .containsEntry("points", points)
                .containsEntry("growth", points);
        JsonNode opened = reviewOpened(reviewId);
        assertThat(opened.path("service").asString()).isEqualTo("points-service");
        assertThat(opened.path("checkpoint").asString()).isEqualTo("EARNING");
        assertThat(opened.path("memberId").asString()).isEqualTo(member);
        assertThat(opened.path("subjectRef").asString()).isEqualTo("order:" + orderId);

        EventEnvelope approved = envelope(decided(reviewId, member, orderId, true));
        EventEnvelope approvedAgain = envelope(decided(reviewId, member, orderId, true));
        sendEnvelope(approved);
        sendEnvelope(approved); // the same event delivered twice
        sendEnvelope(approvedAgain); // the same decision under a new event id

        // the member's records stay in order: once the last is applied, so were the first two
        await().atMost(WAIT).until(() -> processed(approvedAgain) == 1);
        assertThat(processed(approved)).isEqualTo(1);
        assertThat(api.me(member).number("available")).isEqualTo(points);
        assertThat(earnTransfers(member, orderId)).isEqualTo(1);
        assertThat(parked(orderId)).containsEntry("status", "APPROVED").containsEntry("credited", points);
        assertThat(orderRow(orderId)).containsEntry("points_earned", points).containsEntry("growth_earned", points);
        // the events an earning order publishes, once
        TestOutbox.awaitSent(dataSource, orderId);
        List<JsonNode> earned = events(Topics.POINTS, "points.earned", orderId);
        assertThat(earned).hasSize(1);
        assertThat(earned.getFirst().path("data").path("points").asLong()).isEqualTo(points);
        assertThat(earned.getFirst()
                        .path("data")
                        .path("balance")
                        .path("available")
                        .asLong())
                .isEqualTo(points);
        List<JsonNode> completed = events(Topics.ORDER, "order.completed", orderId);
        assertThat(completed).hasSize(1);
        assertThat(completed.getFirst().path("data").path("pointsEarned").asLong())
                .isEqualTo(points);
        // and the order's refund now reverses what the approval credited
        Api.Reply refund = api.refund("DINE_IN", orderId, Api.newId("r"), largeAmountFen());
        assertThat(refund.number("pointsReversed")).isEqualTo(points);
        assertThat(api.me(member).number("available")).isZero();
    }

    @Test
    void aRejectedReviewCreditsNothing() {
        earningRule(60);
        String member = Api.newMember();
        String orderId = Api.newId("o");
        api.order("DINE_IN", member, orderId, largeAmountFen());
        String reviewId = (String) decisionOf(member).get("id");
        EventEnvelope rejected = envelope(decided(reviewId, member, orderId, false));
        EventEnvelope approvedLater = envelope(decided(reviewId, member, orderId, true));

        sendEnvelope(rejected);
        sendEnvelope(approvedLater); // a review is decided once: a later word changes nothing

        await().atMost(WAIT).until(() -> processed(approvedLater) == 1);
        assertThat(parked(orderId)).containsEntry("status", "REJECTED").containsEntry("credited", 0L);
        assertThat(api.me(member).number("available")).isZero();
        assertThat(earnTransfers(member, orderId)).isZero();
        assertThat(orderRow(orderId)).containsEntry("points_earned", 0L);
        TestOutbox.awaitSent(dataSource, orderId);
        assertThat(events(Topics.POINTS, "points.earned", orderId)).isEmpty();
        assertThat(events(Topics.ORDER, "order.completed", orderId)).isEmpty();
    }

    @Test
    void parkedPointsTakeTheirShareOfTheDaysCapUntilARejectionGivesItBack() {
        earningRule(60);
        String member = Api.newMember();
        String orderId = Api.newId("o");
        long parkedPoints = riskProperties.largeEarningPoints();
        api.order("DINE_IN", member, orderId, largeAmountFen());
        String reviewId = (String) decisionOf(member).get("id");
        assertThat(capDayPoints(member)).isEqualTo(parkedPoints);
        long capLeft = dailyCap() - parkedPoints;

        // a later order the same day earns only what the parked one left of the cap
        Api.Reply later = api.order("DINE_IN", member, Api.newId("o"), (capLeft + 100) * 100);
        assertThat(later.number("pointsEarned")).isEqualTo(capLeft);
        assertThat(later.json().path("capped").asBoolean()).isTrue();

        EventEnvelope rejected = envelope(decided(reviewId, member, orderId, false));
        sendEnvelope(rejected);
        await().atMost(WAIT).until(() -> processed(rejected) == 1);

        assertThat(capDayPoints(member)).isEqualTo(capLeft);
        Api.Reply afterRejection = api.order("DINE_IN", member, Api.newId("o"), 10_000);
        assertThat(afterRejection.number("pointsEarned")).isEqualTo(Math.min(100, parkedPoints));
        assertThat(api.me(member).number("available")).isEqualTo(capLeft + Math.min(100, parkedPoints));
    }

    @Test
    void anApprovedEarningIsNotCountedOnTheCapTwice() {
        earningRule(60);
        String member = Api.newMember();
        String orderId = Api.newId("o");
        long points = riskProperties.largeEarningPoints();
        api.order("DINE_IN", member, orderId, largeAmountFen());
        String reviewId = (String) decisionOf(member).get("id");

        EventEnvelope approved = envelope(decided(reviewId, member, orderId, true));
        sendEnvelope(approved);
        await().atMost(WAIT).until(() -> processed(approved) == 1);

        assertThat(api.me(member).number("available")).isEqualTo(points);
        assertThat(capDayPoints(member)).isEqualTo(points);
    }

    @Test
    void anApprovalForAMemberFrozenMeanwhileCreditsNothing() {
        earningRule(60);
        String member = Api.newMember();
        String orderId = Api.newId("o");
        api.order("DINE_IN", member, orderId, largeAmountFen());
        String reviewId = (String) decisionOf(member).get("id");
        freeze(member);

        EventEnvelope approved = envelope(decided(reviewId, member, orderId, true));
        sendEnvelope(approved);
        await().atMost(WAIT).until(() -> processed(approved) == 1);

        assertThat(parked(orderId)).containsEntry("status", "FROZEN").containsEntry("credited", 0L);
        assertThat(api.me(member).number("available")).isZero();
        assertThat(earnTransfers(member, orderId)).isZero();
        assertThat(capDayPoints(member)).isZero();
        TestOutbox.awaitSent(dataSource, orderId);
        assertThat(events(Topics.POINTS, "points.earned", orderId)).isEmpty();
        assertThat(events(Topics.ORDER, "order.completed", orderId)).isEmpty();
        // unfrozen later, the dropped earning stays dropped: a review is decided once
        unfreeze(member);
        EventEnvelope approvedAgain = envelope(decided(reviewId, member, orderId, true));
        sendEnvelope(approvedAgain);
        await().atMost(WAIT).until(() -> processed(approvedAgain) == 1);
        assertThat(api.me(member).number("available")).isZero();
    }

    @Test
    void anApprovalLeavesOutWhatARefundTookBackWhileTheEarningWaited() {
        earningRule(60);
        String member = Api.newMember();
        String orderId = Api.newId("o");
        long amount = largeAmountFen();
        long points = riskProperties.largeEarningPoints();
        api.order("DINE_IN", member, orderId, amount);
        String reviewId = (String) decisionOf(member).get("id");
        Api.Reply early = api.refund("DINE_IN", orderId, Api.newId("r"), amount / 4);
        assertThat(early.number("pointsReversed")).isZero(); // nothing was credited yet

        EventEnvelope approved = envelope(decided(reviewId, member, orderId, true));
        sendEnvelope(approved);

        await().atMost(WAIT).until(() -> processed(approved) == 1);
        long refundedShare = points / 4;
        assertThat(api.me(member).number("available")).isEqualTo(points - refundedShare);
        assertThat(parked(orderId)).containsEntry("credited", points - refundedShare);
        // the rest of the refund reverses exactly the rest of the points
        Api.Reply rest = api.refund("DINE_IN", orderId, Api.newId("r"), amount - amount / 4);
        assertThat(rest.number("pointsReversed")).isEqualTo(points - refundedShare);
        assertThat(api.me(member).number("available")).isZero();
        assertThat(LedgerQueries.of(jdbc, member).debt()).isZero();
    }

    @Test
    void anOrderBelowTheThresholdIsNoDecisionEvenUnderARuleThatAlwaysFires() {
        earningRule(100);
        String member = Api.newMember();
        long points = riskProperties.largeEarningPoints() - 1;

        Api.Reply receipt = api.order("DINE_IN", member, Api.newId("o"), points * 100);

        assertThat(receipt.status()).isEqualTo(201);
        assertThat(receipt.number("pointsEarned")).isEqualTo(points);
        assertThat(receipt.json().has("risk")).isFalse();
        assertThat(api.me(member).number("available")).isEqualTo(points);
        assertThat(LedgerQueries.count(jdbc, "SELECT COUNT(*) FROM risk_decision WHERE member_id = ?", member))
                .isZero();
    }

    @Test
    void aDecisionThatAllowsEarnsAsUsual() {
        earningRule(10); // fires, but below reviewAt: recorded, allowed
        String member = Api.newMember();
        String orderId = Api.newId("o");

        Api.Reply receipt = api.order("DINE_IN", member, orderId, largeAmountFen());

        assertThat(receipt.number("pointsEarned")).isEqualTo(riskProperties.largeEarningPoints());
        assertThat(receipt.json().has("risk")).isFalse();
        assertThat(api.me(member).number("available")).isEqualTo(riskProperties.largeEarningPoints());
        assertThat(decisionOf(member)).containsEntry("outcome", "ALLOW");
    }

    @Test
    void aDecisionOfAnotherServiceOrCheckpointIsNotOurs() {
        earningRule(60);
        String member = Api.newMember();
        String orderId = Api.newId("o");
        api.order("DINE_IN", member, orderId, largeAmountFen());
        String reviewId = (String) decisionOf(member).get("id");
        EventEnvelope otherService = envelope(new RiskReviewDecided(
                reviewId, "coupon-service", "EARNING", member, "order:" + orderId, true, "op-1", Instant.now()));
        EventEnvelope otherCheckpoint = envelope(new RiskReviewDecided(
                reviewId, "points-service", "CLAIM", member, "order:" + orderId, true, "op-1", Instant.now()));
        EventEnvelope marker = envelope(decided(UUID.randomUUID().toString(), member, orderId, true));

        sendEnvelope(otherService);
        sendEnvelope(otherCheckpoint);
        sendEnvelope(marker); // ours, for no parked earning: applied (recorded), changes nothing

        await().atMost(WAIT).until(() -> processed(marker) == 1);
        assertThat(processed(otherService)).isZero();
        assertThat(processed(otherCheckpoint)).isZero();
        assertThat(parked(orderId)).containsEntry("status", "PENDING");
        assertThat(api.me(member).number("available")).isZero();
    }

    @Test
    void aReceiptStoredBeforeRiskControlStillReplaysAndAnOrdinaryOneNamesNoRisk() {
        // idempotency replays receipts stored as JSON, some of them before the receipt had a risk
        String stored = "{\"orderId\":\"o-1\",\"pointsEarned\":88,\"growthEarned\":88,\"capped\":false}";

        OrderReceipt read = json.readValue(stored, OrderReceipt.class);

        assertThat(read).isEqualTo(new OrderReceipt("o-1", 88, 88, false, null));
        assertThat(json.writeValueAsString(read)).isEqualTo(stored);
    }

    private void freeze(String member) {
        frozen.add(member);
        frozenMembers.add(List.of(member));
    }

    private void unfreeze(String member) {
        frozenMembers.remove(List.of(member));
        frozen.remove(member);
    }

    /** A policy whose one EARNING rule fires on every large earning, scoring {@code score}. */
    private void earningRule(int score) {
        policies.publish(new RiskPolicy(
                System.currentTimeMillis(),
                50,
                100,
                List.of(new RiskRule(
                        "test-large-earnings",
                        "every large earning",
                        Checkpoint.EARNING,
                        Counter.LARGE_EARNINGS,
                        Dimension.MEMBER,
                        Duration.ofHours(1),
                        0,
                        score,
                        true))));
    }

    /** An order earning exactly the large-earning threshold at a BU of one point per yuan. */
    private long largeAmountFen() {
        return riskProperties.largeEarningPoints() * 100;
    }

    private OrderRequest request(String member, String orderId, long amountFen) {
        return new OrderRequest(orderId, member, amountFen, Instant.now(), null);
    }

    private static RiskReviewDecided decided(String reviewId, String member, String orderId, boolean approved) {
        return new RiskReviewDecided(
                reviewId, "points-service", "EARNING", member, "order:" + orderId, approved, "op-1", Instant.now());
    }

    private EventEnvelope envelope(DomainEvent event) {
        return EventEnvelope.wrap(event, "member-service", Instant.now(), json);
    }

    private void send(String topic, DomainEvent event) {
        TestKafka.send(topic, event.memberId(), codec.toJson(envelope(event)));
    }

    private void sendEnvelope(EventEnvelope envelope) {
        TestKafka.send(Topics.RISK, envelope.memberId(), codec.toJson(envelope));
    }

    private long processed(EventEnvelope event) {
        return LedgerQueries.count(
                jdbc,
                "SELECT COUNT(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                RiskReviewsListener.CONSUMER,
                event.eventId().toString());
    }

    private Map<String, Object> orderRow(String orderId) {
        return jdbc.sql("SELECT member_id, points_earned, growth_earned FROM bu_order WHERE order_id = ?")
                .param(orderId)
                .query()
                .singleRow();
    }

    private long orderCount(String orderId) {
        return LedgerQueries.count(jdbc, "SELECT COUNT(*) FROM bu_order WHERE order_id = ?", orderId);
    }

    private Map<String, Object> parked(String orderId) {
        return jdbc
                .sql("SELECT review_id, status, points, growth, credited FROM parked_earning WHERE order_id = ?")
                .param(orderId)
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .orElse(Map.of());
    }

    /** The member's one decision. */
    private Map<String, Object> decisionOf(String member) {
        List<Map<String, Object>> rows = jdbc.sql(
                        "SELECT id, checkpoint, outcome, score, subject_ref, rules FROM risk_decision WHERE member_id = ?")
                .param(member)
                .query()
                .listOfRows();
        assertThat(rows).hasSize(1);
        return rows.getFirst();
    }

    private long capDayPoints(String member) {
        return LedgerQueries.count(jdbc, "SELECT cap_day_points FROM member_balance WHERE member_id = ?", member);
    }

    private long dailyCap() {
        return properties.dailyCap();
    }

    private long earnTransfers(String member, String orderId) {
        return LedgerQueries.count(
                jdbc,
                "SELECT COUNT(*) FROM ledger_transfer WHERE member_id = ? AND kind = 'EARN' AND reference = ?",
                member,
                orderId);
    }

    private JsonNode reviewOpened(String reviewId) {
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> found = TestKafka.records(
                Topics.RISK, v -> v.contains("\"type\":\"risk.review_opened\"") && v.contains(reviewId), 1, WAIT);
        assertThat(found).hasSize(1);
        return json.readTree(found.getFirst().value()).path("data");
    }

    private List<JsonNode> events(String topic, String type, String orderId) {
        return TestKafka.recordsUpToNow(topic, v -> v.contains("\"type\":\"" + type + "\"") && v.contains(orderId))
                .stream()
                .map(r -> json.readTree(r.value()))
                .toList();
    }
}
