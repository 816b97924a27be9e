package io.unimember.member.entitlements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.entitlements.CachedViews;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.PointsExpired;
import io.unimember.common.events.PointsHeld;
import io.unimember.common.events.PointsRedeemed;
import io.unimember.common.events.PointsReleased;
import io.unimember.common.events.PointsReversed;
import io.unimember.common.events.SpentLot;
import io.unimember.common.inbox.EventCodec;
import io.unimember.member.MemberIntegrationTest;
import io.unimember.member.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The view kept from real Kafka events, read back through the API. */
class EntitlementViewTests extends MemberIntegrationTest {

    @Autowired
    CachedViews keys;

    @Autowired
    TestApi api;

    @Autowired
    JsonMapper json;

    @Autowired
    EventCodec codec;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StringRedisTemplate redis;

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
    void aMemberNoEventMentionedGetsTheDefaultView() {
        JsonNode view = view("");

        assertThat(view.get("memberId").asString()).isEqualTo(memberId);
        assertThat(view.get("tier").get("code").asString()).isEqualTo("REGULAR");
        assertThat(view.get("tier").get("name").asString()).isEqualTo("普通");
        assertThat(view.get("points").get("available").asLong()).isZero();
        assertThat(view.get("coupons")).isEmpty();
        assertThat(view.get("benefits").get(0).get("code").asString()).isEqualTo("POINTS_MULTIPLIER");
        assertThat(view.get("benefits").get(0).get("value").asString()).isEqualTo("1.0");
    }

    @Test
    void theViewHasTheDesignsShape() {
        events.send(events.envelope(TestEvents.gold(memberId, 1)));
        events.send(events.envelope(TestEvents.earned(memberId, 1520, 0, 1)));
        events.send(events.envelope(TestEvents.fixed(memberId, "c-" + UUID.randomUUID(), 1500, 0, List.of("ALL"))));

        // three topics, three consumers: wait until each has applied its event
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode applied = view("?scene=ENTERTAINMENT&amountFen=8000");
            assertThat(applied.get("coupons")).hasSize(1);
            assertThat(applied.get("points").get("available").asLong()).isEqualTo(1520);
            assertThat(applied.get("tier").get("code").asString()).isEqualTo("GOLD");
        });
        JsonNode view = view("?scene=ENTERTAINMENT&amountFen=8000");

        assertThat(fieldNames(view)).containsExactly("memberId", "scene", "tier", "points", "coupons", "benefits");
        assertThat(view.get("scene").asString()).isEqualTo("ENTERTAINMENT");
        assertThat(fieldNames(view.get("tier"))).containsExactly("code", "name", "growth", "nextTier", "growthToNext");
        assertThat(view.get("tier").toString())
                .isEqualTo(
                        "{\"code\":\"GOLD\",\"name\":\"黄金\",\"growth\":2350,\"nextTier\":\"PLATINUM\",\"growthToNext\":5650}");
        assertThat(fieldNames(view.get("points"))).containsExactly("available", "frozen", "redeemableFen", "expiring");
        assertThat(view.get("points").get("available").asLong()).isEqualTo(1520);
        assertThat(view.get("points").get("redeemableFen").asLong()).isEqualTo(1520);
        assertThat(view.get("points").get("expiring").get(0).get("points").asLong())
                .isEqualTo(300);
        JsonNode coupon = view.get("coupons").get(0);
        assertThat(fieldNames(coupon)).containsExactly("couponId", "name", "discountFen", "usable", "expiresAt");
        assertThat(coupon.get("name").asString()).isEqualTo("15元神券");
        assertThat(coupon.get("discountFen").asLong()).isEqualTo(1500);
        assertThat(coupon.get("usable").asBoolean()).isTrue();
        assertThat(view.get("benefits").get(0).toString())
                .isEqualTo("{\"code\":\"POINTS_MULTIPLIER\",\"value\":\"1.2\"}");
    }

    @Test
    void everyTierAndPointsEventKindUpdatesTheView() {
        send(TestEvents.gold(memberId, 1));
        awaitView("", v -> assertThat(v.get("tier").get("code").asString()).isEqualTo("GOLD"));

        send(TestEvents.growth(memberId, "GOLD", 3000, 5000, 2));
        awaitView("", v -> assertThat(v.get("tier").get("growth").asLong()).isEqualTo(3000));

        send(TestEvents.earned(memberId, 1000, 0, 1));
        awaitView("", v -> assertThat(v.get("points").get("available").asLong()).isEqualTo(1000));

        send(new PointsHeld(memberId, "h1", "HOTEL", "o1", 400, TestEvents.LATER, TestEvents.balance(600, 400, 2)));
        awaitView("", v -> assertThat(v.get("points").get("frozen").asLong()).isEqualTo(400));

        send(new PointsReleased(memberId, "h1", "HOTEL", 400, "CANCELLED", TestEvents.balance(1000, 0, 3)));
        awaitView("", v -> assertThat(v.get("points").get("frozen").asLong()).isZero());

        send(new PointsRedeemed(
                memberId,
                "h2",
                "t2",
                "HOTEL",
                "o2",
                200,
                List.of(new SpentLot("DINE_IN", 200)),
                Instant.now(),
                TestEvents.balance(800, 0, 4)));
        awaitView("", v -> assertThat(v.get("points").get("available").asLong()).isEqualTo(800));

        send(new PointsReversed(memberId, "t3", "DINE_IN", "o0", "r1", 100, 0, TestEvents.balance(700, 0, 5)));
        awaitView("", v -> assertThat(v.get("points").get("available").asLong()).isEqualTo(700));

        send(new PointsExpired(memberId, "t4", 50, Instant.now(), TestEvents.balance(650, 0, 6)));
        awaitView("", v -> assertThat(v.get("points").get("available").asLong()).isEqualTo(650));
    }

    @Test
    void everyCouponEventKindUpdatesTheWallet() {
        String a = "c-" + UUID.randomUUID();
        String b = "c-" + UUID.randomUUID();
        send(TestEvents.fixed(memberId, a, 1500, 0, List.of("ALL")));
        send(TestEvents.fixed(memberId, b, 800, 0, List.of("HOTEL")));
        awaitView("", v -> assertThat(v.get("coupons")).hasSize(2));

        send(TestEvents.locked(memberId, a, "lock-1"));
        awaitView("", v -> assertThat(coupon(v, a).get("usable").asBoolean()).isFalse());

        send(TestEvents.released(memberId, a, "lock-1"));
        awaitView("", v -> assertThat(coupon(v, a).get("usable").asBoolean()).isTrue());

        send(TestEvents.redeemed(memberId, a));
        awaitView("", v -> assertThat(coupon(v, a)).isNull());

        send(TestEvents.expired(memberId, b));
        awaitView("", v -> assertThat(v.get("coupons")).isEmpty());
    }

    @Test
    void aCouponARefundReturnsIsInTheViewAgainAndARevokedRewardLeavesIt() {
        String paid = "c-" + UUID.randomUUID();
        String reward = "c-" + UUID.randomUUID();
        send(TestEvents.fixed(memberId, paid, 1500, 0, List.of("ALL")));
        send(TestEvents.fixed(memberId, reward, 1500, 0, List.of("ALL")));
        send(TestEvents.redeemed(memberId, paid));
        awaitView("", v -> assertThat(coupon(v, paid)).isNull());

        send(TestEvents.returned(memberId, paid, true));
        send(TestEvents.revoked(memberId, reward));

        awaitView("", v -> {
            // an assertion, not a dereference: the wait retries on assertion errors only
            assertThat(coupon(v, paid)).as("returned to the view").isNotNull();
            assertThat(coupon(v, paid).get("usable").asBoolean()).isTrue();
            assertThat(coupon(v, reward)).isNull();
        });
    }

    @Test
    void eventsOutOfOrderNeverMoveTheViewBack() {
        send(TestEvents.earned(memberId, 900, 0, 5));
        send(TestEvents.tier(memberId, "PLATINUM", "铂金", "1.3", 9000, 7));
        String coupon = "c-" + UUID.randomUUID();
        send(TestEvents.redeemed(memberId, coupon));
        awaitView("", v -> assertThat(v.get("tier").get("code").asString()).isEqualTo("PLATINUM"));

        EventEnvelope olderPoints = events.envelope(TestEvents.earned(memberId, 100, 0, 3));
        EventEnvelope olderTier = events.envelope(TestEvents.gold(memberId, 6));
        EventEnvelope lateIssue = events.envelope(TestEvents.fixed(memberId, coupon, 1500, 0, List.of("ALL")));
        events.send(olderPoints);
        events.send(olderTier);
        events.send(lateIssue);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> applied(olderPoints) && applied(olderTier) && applied(lateIssue));

        JsonNode view = view("");
        assertThat(view.get("points").get("available").asLong()).isEqualTo(900);
        assertThat(view.get("tier").get("code").asString()).isEqualTo("PLATINUM");
        assertThat(view.get("benefits").get(0).get("value").asString()).isEqualTo("1.3");
        assertThat(view.get("coupons")).isEmpty();
    }

    @Test
    void aGrowthEventBeforeItsTierChangeShowsTheTierAndKeepsTheNewerGrowth() {
        send(TestEvents.growth(memberId, "GOLD", 2500, 5500, 4));
        awaitView("", v -> assertThat(v.get("tier").get("code").asString()).isEqualTo("GOLD"));
        EventEnvelope tierChanged = events.envelope(TestEvents.gold(memberId, 3));
        events.send(tierChanged);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(tierChanged));

        JsonNode view = view("");
        assertThat(view.get("tier").get("name").asString()).isEqualTo("黄金");
        assertThat(view.get("tier").get("growth").asLong()).isEqualTo(2500);
        assertThat(view.get("benefits").get(0).get("value").asString()).isEqualTo("1.2");
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() {
        EventEnvelope earned = events.envelope(TestEvents.earned(memberId, 700, 0, 1));
        events.send(earned);
        awaitView("", v -> assertThat(v.get("points").get("available").asLong()).isEqualTo(700));

        events.send(earned);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE event_id = ?")
                                .param(earned.eventId().toString())
                                .query(Integer.class)
                                .single()
                        == 1);
        // a later event proves the duplicate was consumed (same partition, in order) without a second change
        send(TestEvents.gold(memberId, 1));
        awaitView("", v -> assertThat(v.get("tier").get("code").asString()).isEqualTo("GOLD"));
        assertThat(rowVersion()).isEqualTo(2);
    }

    @Test
    void withAnAmountCouponsCarryTheirDiscountBestFirstAndSceneFiltersThem() {
        String fifteen = "c-15-" + UUID.randomUUID();
        String percent = "c-pc-" + UUID.randomUUID();
        String five = "c-5-" + UUID.randomUUID();
        String hotelOnly = "c-h-" + UUID.randomUUID();
        send(TestEvents.fixed(memberId, fifteen, 1500, 5000, List.of("ALL")));
        send(TestEvents.percent(memberId, percent, 20, 3000, List.of("ENTERTAINMENT", "DINE_IN")));
        send(TestEvents.fixed(memberId, five, 500, 0, List.of("ENTERTAINMENT")));
        send(TestEvents.fixed(memberId, hotelOnly, 9900, 0, List.of("HOTEL")));
        awaitView("", v -> assertThat(v.get("coupons")).hasSize(4));

        JsonNode at8000 = view("?scene=ENTERTAINMENT&amountFen=8000").get("coupons");
        JsonNode at3000 = view("?scene=ENTERTAINMENT&amountFen=3000").get("coupons");

        assertThat(ids(at8000)).containsExactly(percent, fifteen, five);
        assertThat(discounts(at8000)).containsExactly(1600L, 1500L, 500L);
        assertThat(ids(at3000)).containsExactly(percent, five, fifteen);
        assertThat(discounts(at3000)).containsExactly(600L, 500L, 0L);
        assertThat(at3000.get(2).get("usable").asBoolean()).isFalse();
        assertThat(ids(view("?scene=HOTEL").get("coupons"))).containsExactly(hotelOnly, fifteen);
    }

    @Test
    void aLookupIsOneCachedReadOnceAnEventIsApplied() {
        send(TestEvents.gold(memberId, 1));
        awaitView("", v -> assertThat(v.get("tier").get("code").asString()).isEqualTo("GOLD"));

        String cached = redis.opsForValue().get(keys.key(memberId));

        assertThat(cached).startsWith("R|" + rowVersion() + "|").contains("\"GOLD\"");
    }

    @Test
    void lookupsAreTimedAtThePrometheusEndpoint() {
        view("");

        var prometheus = api.get("/actuator/prometheus", null);

        assertThat(prometheus.getStatusCode().value()).isEqualTo(200);
        assertThat(prometheus.getBody())
                .contains("unimember_entitlement_lookup_seconds_count{")
                .contains("unimember_entitlement_lookup_seconds_bucket{");
    }

    @Test
    void theOpenApiDocumentDescribesTheLookup() {
        var docs = api.get("/v3/api-docs", null);

        assertThat(docs.getStatusCode().value()).isEqualTo(200);
        assertThat(docs.getBody())
                .contains("/api/v1/members/me/entitlements", "/open/v1/members/{memberId}", "/oauth2/token");
    }

    @Test
    void badLookupParametersAre400WithFieldErrors() {
        var unknownScene = api.get("/api/v1/members/me/entitlements?scene=MOON", token);
        var lowercase = api.get("/api/v1/members/me/entitlements?scene=hotel", token);
        var negative = api.get("/api/v1/members/me/entitlements?amountFen=-1", token);
        var absurd = api.get("/api/v1/members/me/entitlements?amountFen=99999999999999", token);
        var notANumber = api.get("/api/v1/members/me/entitlements?amountFen=lots", token);

        assertThat(unknownScene.getStatusCode().value()).isEqualTo(400);
        assertThat(unknownScene.getBody()).contains("\"field\":\"scene\"");
        assertThat(lowercase.getBody()).contains("\"field\":\"scene\"");
        assertThat(negative.getBody()).contains("\"field\":\"amountFen\"");
        assertThat(absurd.getBody()).contains("\"field\":\"amountFen\"");
        assertThat(notANumber.getStatusCode().value()).isEqualTo(400);
        assertThat(notANumber.getBody()).contains("\"field\":\"amountFen\"");
    }

    @Test
    void noEndpointReturnsAnotherMembersView() {
        String other = TestEvents.newMemberId();
        send(TestEvents.gold(other, 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        view(api.memberToken(other), "").get("tier").get("code").asString())
                .isEqualTo("GOLD"));

        JsonNode mine = view("");
        var viaOpenApi = api.get("/open/v1/members/" + other + "/entitlements", token);
        var buAtMemberPath = api.get("/api/v1/members/me/entitlements", api.buToken("HOTEL"));

        assertThat(mine.get("memberId").asString()).isEqualTo(memberId);
        assertThat(mine.get("tier").get("code").asString()).isEqualTo("REGULAR");
        assertThat(viaOpenApi.getStatusCode().value()).isEqualTo(403);
        assertThat(buAtMemberPath.getStatusCode().value()).isEqualTo(403);
    }

    private void send(io.unimember.common.events.DomainEvent event) {
        events.send(events.envelope(event));
    }

    private boolean applied(EventEnvelope envelope) {
        return jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE event_id = ?")
                        .param(envelope.eventId().toString())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private long rowVersion() {
        return jdbc.sql("SELECT row_version FROM entitlement_view WHERE member_id = ?")
                .param(memberId)
                .query(Long.class)
                .single();
    }

    private void awaitView(String query, Consumer<JsonNode> assertion) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertion.accept(view(query)));
    }

    private JsonNode view(String query) {
        return view(token, query);
    }

    private JsonNode view(String memberToken, String query) {
        var response = api.get("/api/v1/members/me/entitlements" + query, memberToken);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private static JsonNode coupon(JsonNode view, String couponId) {
        for (JsonNode c : view.get("coupons")) {
            if (c.get("couponId").asString().equals(couponId)) {
                return c;
            }
        }
        return null;
    }

    private static List<String> ids(JsonNode coupons) {
        return coupons.valueStream().map(c -> c.get("couponId").asString()).toList();
    }

    private static List<Long> discounts(JsonNode coupons) {
        return coupons.valueStream().map(c -> c.get("discountFen").asLong()).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.propertyNames().stream().toList();
    }
}
