package io.unimember.coupon.refunds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.OrderRefunded;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.coupon.Api;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestKafka;
import io.unimember.testsupport.TestOutbox;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A refunded order gives back the 神券 redeemed on it and takes back the reward it earned (decision 0037). */
@IntegrationTest
class CouponRefundsTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventCodec codec;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    CouponRefunds refunds;

    Api api;
    String member;

    @BeforeEach
    void setUp() {
        api = new Api(port, json);
        member = Api.member();
    }

    @Test
    void aFullRefundDeliveredTwiceReturnsTheRedeemedCouponAndRevokesTheUnusedRewardOnce() {
        String orderId = "o-" + UUID.randomUUID();
        String paid = redeemedOn(orderId);
        String completed = envelope(new OrderCompleted(member, "DINE_IN", orderId, 20_000, null, Instant.now(), 200));
        TestKafka.send(Topics.ORDER, member, completed);
        await().atMost(WAIT).until(() -> rewardCoupon(member) != null);
        String reward = rewardCoupon(member);
        String refundId = "r-" + UUID.randomUUID();
        String refunded = envelope(refund(orderId, refundId, 20_000, 20_000));

        TestKafka.send(Topics.ORDER, member, refunded);
        TestKafka.send(Topics.ORDER, member, refunded);
        TestKafka.send(Topics.ORDER, member, envelope(refund(orderId, refundId, 20_000, 20_000))); // new event id
        await().atMost(WAIT).until(() -> "AVAILABLE".equals(status(paid)) && "REVOKED".equals(status(reward)));

        assertThat(refundedAt(paid)).isNotNull();
        assertThat(jdbc.sql("SELECT lock_id, redeemed_bu, order_ref FROM coupon WHERE id = ?")
                        .param(paid)
                        .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                        .single())
                .containsOnlyNulls();
        // the code works again: it locks for a new order
        assertThat(lock(paid, "lock-" + UUID.randomUUID(), "o-" + UUID.randomUUID())
                        .status())
                .isEqualTo(201);
        TestOutbox.awaitSent(dataSource, refundId);
        List<JsonNode> returned = events("coupon.returned", refundId);
        assertThat(returned).hasSize(1);
        JsonNode data = returned.getFirst().path("data");
        assertThat(data.path("couponId").asString()).isEqualTo(paid);
        assertThat(data.path("orderRef").asString()).isEqualTo(orderId);
        assertThat(data.path("fundingBu").asString()).isEqualTo("HOTEL");
        assertThat(data.path("redeemingBu").asString()).isEqualTo("DINE_IN");
        assertThat(data.path("discountFen").asLong()).isEqualTo(1_500);
        assertThat(data.path("available").asBoolean()).isTrue();
        assertThat(returned.getFirst().path("source").asString()).isNotBlank();
        assertIsTheEnvelopeOfSection8(returned.getFirst(), "coupon.returned");
        List<JsonNode> revoked = events("coupon.revoked", refundId);
        assertThat(revoked).hasSize(1);
        assertThat(revoked.getFirst().path("data").path("couponId").asString()).isEqualTo(reward);
        assertThat(revoked.getFirst().path("data").path("orderId").asString()).isEqualTo(orderId);
        assertThat(revoked.getFirst().path("data").path("reason").asString()).isEqualTo("REWARD_REFUNDED");
        assertIsTheEnvelopeOfSection8(revoked.getFirst(), "coupon.revoked");
        List<ConsumerRecord<String, String>> keyed = TestKafka.recordsUpToNow(
                Topics.COUPON,
                v -> (v.contains("\"type\":\"coupon.returned\"") || v.contains("\"type\":\"coupon.revoked\""))
                        && v.contains(refundId));
        assertThat(keyed).hasSize(2).allSatisfy(r -> assertThat(r.key()).isEqualTo(member));
    }

    @Test
    void aReturnedCouponLocksAndVerifiesAgainButOneNotReturnedDoesNeither() {
        String merchant = TestTokens.merchant("merchant-demo", "ENTERTAINMENT");
        String returnedOrder = "o-" + UUID.randomUUID();
        String oldLock = "lock-" + UUID.randomUUID();
        String back = redeemedOn(returnedOrder, oldLock);
        String pastValidityOrder = "o-" + UUID.randomUUID();
        String stale = redeemedOn(pastValidityOrder, "lock-" + UUID.randomUUID());
        jdbc.sql("UPDATE coupon SET expires_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(Instant.now().minus(1, ChronoUnit.DAYS)), stale)
                .update();
        String partlyOrder = "o-" + UUID.randomUUID();
        String kept = redeemedOn(partlyOrder, "lock-" + UUID.randomUUID());

        apply(refund(returnedOrder, "r-" + UUID.randomUUID(), 20_000, 20_000));
        apply(refund(pastValidityOrder, "r-" + UUID.randomUUID(), 20_000, 20_000));
        apply(refund(partlyOrder, "r-" + UUID.randomUUID(), 19_999, 20_000));

        // the old lock stays what it was: asking to redeem it again answers the redemption and changes nothing
        Api.Response oldLockAgain =
                api.post("/api/v1/bu/coupons/locks/" + oldLock + "/redeem", TestTokens.bu("DINE_IN"), Map.of());
        assertThat(oldLockAgain.status()).isEqualTo(200);
        assertThat(oldLockAgain.text("status")).isEqualTo("REDEEMED");
        assertThat(status(back)).isEqualTo("AVAILABLE");
        // returned: a new lock takes it, and once released its code redeems it at a POS
        String newLock = "lock-" + UUID.randomUUID();
        assertThat(lock(back, newLock, "o-" + UUID.randomUUID()).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/bu/coupons/locks/" + newLock + "/release", TestTokens.bu("DINE_IN"), Map.of())
                        .status())
                .isEqualTo(200);
        Api.Response verified = api.post("/open/v1/coupons/verify", merchant, Map.of("code", code(back)));
        assertThat(verified.status()).as(verified.raw()).isEqualTo(200);
        assertThat(verified.text("status")).isEqualTo("REDEEMED");
        // not returned (past its validity, or a partial refund): neither a lock nor its code works
        for (String dead : List.of(stale, kept)) {
            Api.Response locked = lock(dead, "lock-" + UUID.randomUUID(), "o-" + UUID.randomUUID());
            assertThat(locked.status()).isEqualTo(409);
            assertThat(locked.code()).isEqualTo("COUPON_NOT_AVAILABLE");
            Api.Response scanned = api.post("/open/v1/coupons/verify", merchant, Map.of("code", code(dead)));
            assertThat(scanned.status()).isEqualTo(409);
            assertThat(scanned.code()).isEqualTo("COUPON_NOT_AVAILABLE");
            assertThat(status(dead)).isEqualTo("REDEEMED");
        }
        // the wallet says which redeemed coupon a refund found past its validity
        JsonNode redeemed = api.get("/api/v1/coupons/me?status=REDEEMED", TestTokens.member(member))
                .body()
                .path("items");
        assertThat(item(redeemed, stale).path("refundedAt").isString()).isTrue();
        assertThat(item(redeemed, kept).has("refundedAt")).isFalse();
    }

    @Test
    void aReturnedCouponUsedOnAnotherOrderComesBackAgainWhenThatOrderIsRefunded() {
        String first = "o-" + UUID.randomUUID();
        String coupon = redeemedOn(first, "lock-" + UUID.randomUUID());
        apply(refund(first, "r-" + UUID.randomUUID(), 20_000, 20_000));
        assertThat(status(coupon)).isEqualTo("AVAILABLE");
        String second = "o-" + UUID.randomUUID();
        String lockId = "lock-" + UUID.randomUUID();
        assertThat(lock(coupon, lockId, second).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/bu/coupons/locks/" + lockId + "/redeem", TestTokens.bu("DINE_IN"), Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(refundedAt(coupon)).as("a new redemption").isNull();

        apply(refund(second, "r-" + UUID.randomUUID(), 20_000, 20_000));

        assertThat(status(coupon)).isEqualTo("AVAILABLE");
        assertThat(refundedAt(coupon)).isNotNull();
    }

    private static void assertIsTheEnvelopeOfSection8(JsonNode envelope, String type) {
        assertThat(envelope.path("type").asString()).isEqualTo(type);
        assertThat(envelope.path("source").asString()).isEqualTo("coupon-service");
        assertThat(envelope.path("version").asInt()).isEqualTo(1);
        assertThat(UUID.fromString(envelope.path("eventId").asString()).version())
                .as("a time-ordered UUID")
                .isEqualTo(7);
        assertThat(Instant.parse(envelope.path("occurredAt").asString())).isBeforeOrEqualTo(Instant.now());
        assertThat(envelope.path("memberId").asString())
                .isEqualTo(envelope.path("data").path("memberId").asString())
                .isNotBlank();
        assertThat(envelope.path("data").isObject()).isTrue();
    }

    /**
     * A large first dinner parked by risk control is announced completed only when approved, which can be after it was
     * refunded in full: its reward is then taken back as it is granted, not left in the wallet.
     */
    @Test
    void aRewardGrantedAfterItsOrderWasRefundedInFullIsRevokedAsItIsGranted() {
        String orderId = "o-" + UUID.randomUUID();
        String refundId = "r-" + UUID.randomUUID();
        apply(refund(orderId, "r-" + UUID.randomUUID(), 5_000, 20_000));
        apply(refund(orderId, refundId, 15_000, 20_000));

        TestKafka.send(
                Topics.ORDER,
                member,
                envelope(new OrderCompleted(member, "DINE_IN", orderId, 20_000, null, Instant.now(), 200)));

        await().atMost(WAIT)
                .until(() -> rewardCoupon(member) != null && "REVOKED".equals(status(rewardCoupon(member))));
        assertThat(jdbc.sql("SELECT refund_outcome FROM campaign_reward WHERE member_id = ?")
                        .param(member)
                        .query(String.class)
                        .single())
                .isEqualTo("REVOKED");
        TestOutbox.awaitSent(dataSource, refundId);
        assertThat(events("coupon.revoked", refundId)).hasSize(1);
    }

    @Test
    void aRewardGrantedForAnOrderOnlyPartlyRefundedStays() {
        String orderId = "o-" + UUID.randomUUID();
        apply(refund(orderId, "r-" + UUID.randomUUID(), 19_999, 20_000));

        TestKafka.send(
                Topics.ORDER,
                member,
                envelope(new OrderCompleted(member, "DINE_IN", orderId, 20_000, null, Instant.now(), 200)));

        await().atMost(WAIT).until(() -> rewardCoupon(member) != null);
        assertThat(status(rewardCoupon(member))).isEqualTo("AVAILABLE");
    }

    @Test
    void aPartialRefundKeepsTheCouponAndTheRefundThatCompletesTheOrderReturnsIt() {
        String orderId = "o-" + UUID.randomUUID();
        String paid = redeemedOn(orderId);

        apply(refund(orderId, "r-" + UUID.randomUUID(), 5_000, 20_000));
        assertThat(status(paid)).isEqualTo("REDEEMED");
        assertThat(refundedAt(paid)).isNull();

        apply(refund(orderId, "r-" + UUID.randomUUID(), 15_000, 20_000));
        assertThat(status(paid)).isEqualTo("AVAILABLE");
    }

    @Test
    void aCouponPastItsValidityStaysRedeemedMarkedRefunded() {
        String orderId = "o-" + UUID.randomUUID();
        String paid = redeemedOn(orderId);
        // its 30 days have passed since
        jdbc.sql("UPDATE coupon SET expires_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(Instant.now().minus(1, ChronoUnit.DAYS)), paid)
                .update();

        apply(refund(orderId, "r-" + UUID.randomUUID(), 20_000, 20_000));

        assertThat(status(paid)).isEqualTo("REDEEMED");
        assertThat(refundedAt(paid)).isNotNull();
    }

    @Test
    void aRewardAlreadyUsedIsLeftToTheMemberAndCountedForReconciliation() {
        String orderId = "o-" + UUID.randomUUID();
        TestKafka.send(
                Topics.ORDER,
                member,
                envelope(new OrderCompleted(member, "DINE_IN", orderId, 20_000, null, Instant.now(), 200)));
        await().atMost(WAIT).until(() -> rewardCoupon(member) != null);
        String reward = rewardCoupon(member);
        String lockId = "lock-" + UUID.randomUUID();
        assertThat(lock(reward, lockId, "o-" + UUID.randomUUID()).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/bu/coupons/locks/" + lockId + "/redeem", TestTokens.bu("DINE_IN"), Map.of())
                        .status())
                .isEqualTo(200);

        apply(refund(orderId, "r-" + UUID.randomUUID(), 20_000, 20_000));

        assertThat(status(reward)).isEqualTo("REDEEMED");
        assertThat(jdbc.sql("SELECT refund_outcome FROM campaign_reward WHERE member_id = ?")
                        .param(member)
                        .query(String.class)
                        .single())
                .isEqualTo("REWARD_USED_BEFORE_REFUND");
        TestOutbox.awaitSent(dataSource, member);
        List<JsonNode> kept = TestKafka.recordsUpToNow(
                        Topics.COUPON, v -> v.contains("\"type\":\"coupon.reward_kept\"") && v.contains(reward))
                .stream()
                .map(r -> json.readTree(r.value()))
                .toList();
        assertThat(kept).hasSize(1);
        assertThat(kept.getFirst().path("data").path("orderId").asString()).isEqualTo(orderId);
    }

    /** A ¥15 coupon funded by HOTEL, claimed and redeemed at DINE_IN on the order. */
    private String redeemedOn(String orderId) {
        return redeemedOn(orderId, "lock-" + UUID.randomUUID());
    }

    private String redeemedOn(String orderId, String lockId) {
        var terms = Api.fixedTemplate(1_500, 100, 1, 150_000);
        terms.put("fundingBu", "HOTEL");
        var claim = api.claim(member, api.template(terms));
        assertThat(claim.status()).isEqualTo(201);
        String coupon = claim.text("couponId");
        assertThat(lock(coupon, lockId, orderId).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/bu/coupons/locks/" + lockId + "/redeem", TestTokens.bu("DINE_IN"), Map.of())
                        .status())
                .isEqualTo(200);
        return coupon;
    }

    private Api.Response lock(String coupon, String lockId, String orderRef) {
        return api.post(
                "/api/v1/bu/coupons/" + coupon + "/locks",
                TestTokens.bu("DINE_IN"),
                Map.of("lockId", lockId, "orderRef", orderRef, "amountFen", 20_000));
    }

    private OrderRefunded refund(String orderId, String refundId, long fen, long orderFen) {
        return new OrderRefunded(member, "DINE_IN", orderId, refundId, fen, orderFen, 0, Instant.now());
    }

    private void apply(OrderRefunded refund) {
        tx.executeWithoutResult(s -> refunds.onOrdersRefunded(List.of(refund)));
    }

    private String envelope(io.unimember.common.events.DomainEvent event) {
        return codec.toJson(EventEnvelope.wrap(event, "test", Instant.now(), json));
    }

    private String status(String coupon) {
        return jdbc.sql("SELECT status FROM coupon WHERE id = ?")
                .param(coupon)
                .query(String.class)
                .single();
    }

    private String code(String coupon) {
        return jdbc.sql("SELECT code FROM coupon WHERE id = ?")
                .param(coupon)
                .query(String.class)
                .single();
    }

    private static JsonNode item(JsonNode items, String couponId) {
        for (JsonNode item : items) {
            if (couponId.equals(item.path("couponId").asString())) {
                return item;
            }
        }
        throw new AssertionError("no coupon " + couponId + " in " + items);
    }

    private java.sql.Timestamp refundedAt(String coupon) {
        return jdbc.sql("SELECT refunded_at FROM coupon WHERE id = ?")
                .param(coupon)
                .query(java.sql.Timestamp.class)
                .optional()
                .orElse(null);
    }

    private String rewardCoupon(String memberId) {
        return jdbc.sql("SELECT id FROM coupon WHERE member_id = ? AND channel = 'REWARD'")
                .param(memberId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private List<JsonNode> events(String type, String refundId) {
        return TestKafka.recordsUpToNow(
                        Topics.COUPON, v -> v.contains("\"type\":\"" + type + "\"") && v.contains(refundId))
                .stream()
                .map(r -> json.readTree(r.value()))
                .toList();
    }
}
