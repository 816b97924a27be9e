package io.unimember.coupon.locks;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.Topics;
import io.unimember.coupon.Api;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestKafka;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class CheckoutLocksTests {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LockExpiryJob expiryJob;

    Api api;
    String member;
    String dineIn;

    @BeforeEach
    void setUp() {
        api = new Api(port, json);
        member = Api.member();
        dineIn = TestTokens.bu("DINE_IN");
    }

    @Test
    void aLockedCouponRedeemsAtTheLockingBusinessUnitAndSaysWhoOwesWhom() {
        var terms = Api.fixedTemplate(1500, 100, 1, 150_000);
        terms.put("fundingBu", "HOTEL");
        String coupon = coupon(terms);
        String lockId = "lock-" + UUID.randomUUID();
        Instant before = Instant.now();

        var lock = lock(dineIn, coupon, lockId, 8800);
        var redeemed = post(dineIn, "/api/v1/bu/coupons/locks/" + lockId + "/redeem");

        assertThat(lock.status()).isEqualTo(201);
        assertThat(lock.text("lockId")).isEqualTo(lockId);
        assertThat(lock.body().path("discountFen").asLong()).isEqualTo(1500);
        assertThat(Duration.between(before, Instant.parse(lock.text("expiresAt"))))
                .isBetween(Duration.ofMinutes(14), Duration.ofMinutes(16));
        assertThat(redeemed.status()).isEqualTo(200);
        assertThat(redeemed.text("status")).isEqualTo("REDEEMED");
        assertThat(status(coupon)).isEqualTo("REDEEMED");
        JsonNode event = events(coupon, "coupon.redeemed").getFirst().path("data");
        assertThat(event.path("fundingBu").asString()).isEqualTo("HOTEL");
        assertThat(event.path("redeemingBu").asString()).isEqualTo("DINE_IN");
        assertThat(event.path("discountFen").asLong()).isEqualTo(1500);
        assertThat(event.path("orderRef").asString()).isEqualTo("order-" + lockId);
        assertThat(event.path("memberId").asString()).isEqualTo(member);
        assertThat(events(coupon, "coupon.locked")).isNotEmpty();
    }

    @Test
    void twoOrdersLockingOneCouponAtOnceOneWins() throws Exception {
        String coupon = coupon(Api.fixedTemplate(1000, 100, 1, 100_000));
        int orders = 8;

        List<Api.Response> answers = concurrently(orders, i -> lock(dineIn, coupon, "race-" + UUID.randomUUID(), 5000));

        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        assertThat(answers.stream().filter(a -> a.status() == 409))
                .hasSize(orders - 1)
                .allSatisfy(a -> assertThat(a.code()).isEqualTo("COUPON_NOT_AVAILABLE"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM coupon_lock WHERE coupon_id = ?")
                        .param(coupon)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void redeemingTwiceRedeemsOnce() throws Exception {
        String coupon = coupon(Api.fixedTemplate(1000, 100, 1, 100_000));
        String lockId = "lock-" + UUID.randomUUID();
        assertThat(lock(dineIn, coupon, lockId, 5000).status()).isEqualTo(201);

        List<Api.Response> answers =
                concurrently(4, i -> post(dineIn, "/api/v1/bu/coupons/locks/" + lockId + "/redeem"));
        var later = post(dineIn, "/api/v1/bu/coupons/locks/" + lockId + "/redeem");
        var releaseAfter = post(dineIn, "/api/v1/bu/coupons/locks/" + lockId + "/release");

        assertThat(answers).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.raw()).isEqualTo(later.raw());
        });
        assertThat(releaseAfter.status()).isEqualTo(409);
        assertThat(releaseAfter.code()).isEqualTo("LOCK_REDEEMED");
        assertThat(events(coupon, "coupon.redeemed").stream()
                        .map(e -> e.path("eventId").asString())
                        .collect(Collectors.toSet()))
                .as("one redemption announced")
                .hasSize(1);
    }

    @Test
    void aLockLeftAloneExpiresAndFreesTheCoupon() {
        String coupon = coupon(Api.fixedTemplate(1000, 100, 1, 100_000));
        String lockId = "lock-" + UUID.randomUUID();
        assertThat(lock(dineIn, coupon, lockId, 5000).status()).isEqualTo(201);

        int firstRun = expiryJob.releaseLapsedAt(Instant.now().plus(Duration.ofMinutes(16)));
        int secondRun = expiryJob.releaseLapsedAt(Instant.now().plus(Duration.ofMinutes(16)));

        assertThat(firstRun).isGreaterThanOrEqualTo(1);
        assertThat(status(coupon)).isEqualTo("AVAILABLE");
        assertThat(jdbc.sql("SELECT status FROM coupon_lock WHERE lock_id = ?")
                        .param(lockId)
                        .query(String.class)
                        .single())
                .isEqualTo("EXPIRED");
        var lateRedeem = post(dineIn, "/api/v1/bu/coupons/locks/" + lockId + "/redeem");
        assertThat(lateRedeem.status()).isEqualTo(409);
        assertThat(lateRedeem.code()).isEqualTo("LOCK_EXPIRED");
        assertThat(lock(dineIn, coupon, "again-" + UUID.randomUUID(), 5000).status())
                .as("the coupon can be locked again")
                .isEqualTo(201);
        List<JsonNode> released = events(coupon, "coupon.released");
        assertThat(released.getFirst().path("data").path("reason").asString()).isEqualTo("EXPIRED");
        assertThat(released.stream().map(e -> e.path("eventId").asString()).collect(Collectors.toSet()))
                .hasSize(1);
        assertThat(secondRun).as("nothing is released twice").isZero();
    }

    @Test
    void aReleasedLockFreesTheCouponAndCannotBeRedeemed() {
        String coupon = coupon(Api.fixedTemplate(1000, 100, 1, 100_000));
        String lockId = "lock-" + UUID.randomUUID();
        lock(dineIn, coupon, lockId, 5000);

        var released = post(dineIn, "/api/v1/bu/coupons/locks/" + lockId + "/release");
        var releasedAgain = post(dineIn, "/api/v1/bu/coupons/locks/" + lockId + "/release");
        var redeem = post(dineIn, "/api/v1/bu/coupons/locks/" + lockId + "/redeem");

        assertThat(released.status()).isEqualTo(200);
        assertThat(released.text("status")).isEqualTo("RELEASED");
        assertThat(releasedAgain.raw()).isEqualTo(released.raw());
        assertThat(redeem.status()).isEqualTo(409);
        assertThat(redeem.code()).isEqualTo("LOCK_RELEASED");
        assertThat(status(coupon)).isEqualTo("AVAILABLE");
        assertThat(events(coupon, "coupon.released")
                        .getFirst()
                        .path("data")
                        .path("reason")
                        .asString())
                .isEqualTo("RELEASED");
    }

    @Test
    void aCouponLocksOnlyWhereAndWhenItApplies() {
        var hotelOnly = Api.fixedTemplate(1000, 100, 1, 100_000);
        hotelOnly.put("scenes", List.of("HOTEL"));
        hotelOnly.put("minSpendFen", 10_000);
        String coupon = coupon(hotelOnly);
        String hotel = TestTokens.bu("HOTEL");

        var wrongScene = lock(dineIn, coupon, "l-" + UUID.randomUUID(), 50_000);
        var belowMinSpend = lock(hotel, coupon, "l-" + UUID.randomUUID(), 9_999);
        var someoneElses = api.post(
                "/api/v1/bu/coupons/" + coupon + "/locks",
                hotel,
                Map.of(
                        "lockId",
                        "l-" + UUID.randomUUID(),
                        "orderRef",
                        "o",
                        "amountFen",
                        50_000,
                        "memberId",
                        "m-other"));
        var unknown = lock(hotel, "no-such-coupon", "l-" + UUID.randomUUID(), 50_000);
        var fits = lock(hotel, coupon, "l-" + UUID.randomUUID(), 10_000);

        assertThat(wrongScene.status()).isEqualTo(409);
        assertThat(wrongScene.code()).isEqualTo("COUPON_NOT_APPLICABLE");
        assertThat(belowMinSpend.status()).isEqualTo(409);
        assertThat(belowMinSpend.code()).isEqualTo("COUPON_NOT_APPLICABLE");
        assertThat(someoneElses.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(fits.status()).isEqualTo(201);
        var lockedAgain = lock(hotel, coupon, "l-" + UUID.randomUUID(), 10_000);
        assertThat(lockedAgain.status()).isEqualTo(409);
        assertThat(lockedAgain.code()).isEqualTo("COUPON_NOT_AVAILABLE");
    }

    @Test
    void aLockIdIsIdempotentAndBelongsToItsBusinessUnit() {
        String coupon = coupon(Api.fixedTemplate(1000, 100, 1, 100_000));
        String lockId = "lock-" + UUID.randomUUID();

        var first = lock(dineIn, coupon, lockId, 5000);
        var retry = lock(dineIn, coupon, lockId, 5000);
        var different = lock(dineIn, coupon, lockId, 6000);
        var otherBu = post(TestTokens.bu("HOTEL"), "/api/v1/bu/coupons/locks/" + lockId + "/redeem");
        var member = api.post(
                "/api/v1/bu/coupons/" + coupon + "/locks",
                TestTokens.member(this.member),
                Map.of("lockId", "x", "orderRef", "o", "amountFen", 1));
        var noRedeemScope = api.post(
                "/api/v1/bu/coupons/" + coupon + "/locks",
                TestTokens.builder().claim("bu", "DINE_IN").scope("bu:orders").build(),
                Map.of("lockId", "x", "orderRef", "o", "amountFen", 1));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.raw()).isEqualTo(first.raw());
        assertThat(different.status()).isEqualTo(409);
        assertThat(different.code()).isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(otherBu.status()).isEqualTo(404);
        assertThat(member.status()).isEqualTo(403);
        assertThat(noRedeemScope.status()).isEqualTo(403);
    }

    private String coupon(Map<String, Object> terms) {
        var claim = api.claim(member, api.template(terms));
        assertThat(claim.status()).isEqualTo(201);
        return claim.text("couponId");
    }

    private Api.Response lock(String token, String coupon, String lockId, long amountFen) {
        return api.post(
                "/api/v1/bu/coupons/" + coupon + "/locks",
                token,
                Map.of("lockId", lockId, "orderRef", "order-" + lockId, "amountFen", amountFen));
    }

    private Api.Response post(String token, String path) {
        return api.post(path, token, Map.of());
    }

    private String status(String coupon) {
        return jdbc.sql("SELECT status FROM coupon WHERE id = ?")
                .param(coupon)
                .query(String.class)
                .single();
    }

    private List<JsonNode> events(String coupon, String type) {
        return TestKafka.records(Topics.COUPON, v -> v.contains(coupon) && v.contains(type), 1, Duration.ofSeconds(30))
                .stream()
                .map(r -> json.readTree(r.value()))
                .toList();
    }

    private interface Call {
        Api.Response call(int i) throws Exception;
    }

    private static List<Api.Response> concurrently(int n, Call call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (var threads = Executors.newFixedThreadPool(n)) {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.call(index);
                }));
            }
            start.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> f : futures) {
                answers.add(f.get());
            }
            return answers;
        }
    }
}
