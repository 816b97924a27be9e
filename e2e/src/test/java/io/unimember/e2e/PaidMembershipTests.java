package io.unimember.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Paid membership across the six apps, through the gateway (#28): what tier-service's membership events make of a
 * member's wallet, entitlement view, points and the BUs' statements. The clock is the real one here: the steps that
 * need time to pass (the next month's pack, the renewal, the grace, the lapse) are proven with a moved clock in
 * tier-service's {@code PaidMembershipJourneyTests} and coupon-service's {@code MembershipPacksTests}.
 */
class PaidMembershipTests {

    private static final String SECRET = "demo-secret";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    static Api api;
    static String admin;
    static String foodDelivery;
    static String dineIn;
    static String pack;
    static String partner;
    static String plan;

    @BeforeAll
    static void platformAndPlan() {
        api = new Api(PlatformUnderTest.shared().gatewayUrl());
        admin = api.clientToken("admin", SECRET);
        foodDelivery = api.clientToken("bu-food_delivery", SECRET);
        dineIn = api.clientToken("bu-dine_in", SECRET);
        pack = template(500, "PLATFORM");
        partner = template(1500, "ENTERTAINMENT");
        plan = "E2E_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Map<String, Object> body = new HashMap<>();
        body.put("code", plan);
        body.put("name", "神会员");
        body.put("period", "MONTH");
        body.put("priceFen", 1800);
        body.put("discounts", List.of());
        body.put(
                "benefits",
                List.of(
                        Map.of("type", "MONTHLY_COUPONS", "templateId", pack, "count", 2),
                        Map.of("type", "POINTS_MULTIPLIER", "multiplierBp", 15000),
                        Map.of("type", "COUNTED", "benefit", "FREE_DELIVERY", "perMonth", 3, "faceValueFen", 300),
                        Map.of("type", "PARTNER", "bu", "ENTERTAINMENT", "templateId", partner)));
        body.put(
                "revenueSplit",
                List.of(
                        Map.of("bu", "FOOD_DELIVERY", "basisPoints", 5000),
                        Map.of("bu", "ENTERTAINMENT", "basisPoints", 3000),
                        Map.of("bu", "PLATFORM", "basisPoints", 2000)));
        expect(api.post("/api/v1/admin/membership-plans", admin, body), 201);
    }

    @Test
    void aPaidPlanFillsTheWalletViewAndPointsAndARefundReversesTheRevenueAndTakesBackItsCoupons() {
        Member member = newMember();
        String purchaseId = "p-" + UUID.randomUUID();
        Api.Reply bought = expect(
                api.post(
                        "/api/v1/memberships/purchases",
                        member.token,
                        Map.of("purchaseId", purchaseId, "planCode", plan)),
                201);
        assertThat(bought.text("status")).isEqualTo("PENDING");
        assertThat(bought.number("priceFen")).isEqualTo(1800);
        expect(
                api.post(
                        "/api/v1/bu/memberships/payments",
                        foodDelivery,
                        Map.of("paymentId", "pay-" + purchaseId, "purchaseId", purchaseId, "amountFen", 1800)),
                200);
        JsonNode me = api.get("/api/v1/memberships/me", member.token).body();
        assertThat(me.path("status").asString()).isEqualTo("ACTIVE");

        // coupon-service issued the month's pack and the partner's benefit
        eventually(() -> available(member), coupons -> count(coupons, pack) == 2 && count(coupons, partner) == 1);
        // the entitlement view shows the plan, one Redis read
        JsonNode view = eventually(
                () -> api.get("/api/v1/members/me/entitlements", member.token).body(),
                v -> plan.equals(v.path("membership").path("planCode").asString()));
        assertThat(view.path("membership")
                        .path("counted")
                        .path(0)
                        .path("remaining")
                        .asInt())
                .isEqualTo(3);
        // points-service adds the plan's 0.5 to the tier's multiplier
        eventually(() -> api.get("/api/v1/points/me", member.token).body(), p -> "1.5"
                .equals(p.path("earningMultiplier").asString()));
        assertThat(order(member, 10_000).number("pointsEarned")).isEqualTo(150);

        Api.Reply used = expect(
                api.post(
                        "/api/v1/bu/memberships/counted/FREE_DELIVERY/uses",
                        foodDelivery,
                        Map.of("useId", "u-" + purchaseId, "memberId", member.id)),
                201);
        assertThat(used.number("remaining")).isEqualTo(2);

        // refunded the same day, a benefit used: pro rata (the begun day counts as used) less the ¥3 delivery
        Api.Reply refunded = expect(
                api.post(
                        "/api/v1/bu/memberships/refunds",
                        foodDelivery,
                        Map.of("refundId", "r-" + purchaseId, "purchaseId", purchaseId)),
                201);
        Instant starts = Instant.parse(me.path("startsAt").asString());
        Instant ends = Instant.parse(me.path("endsAt").asString());
        long days = Duration.between(starts, ends).toDays();
        long refund = 1800 * (days - 1) / days - 300;
        assertThat(refunded.number("refundFen")).isEqualTo(refund);
        assertThat(api.get("/api/v1/memberships/me", member.token)
                        .body()
                        .path("status")
                        .asString())
                .isEqualTo("REFUNDED");

        // the unused coupons of the refunded period leave the wallet, the plan leaves the view and the points
        eventually(() -> available(member), coupons -> count(coupons, pack) + count(coupons, partner) == 0);
        eventually(
                () -> api.get("/api/v1/members/me/entitlements", member.token).body(),
                v -> v.path("membership").isMissingNode()
                        || v.path("membership").isNull());
        eventually(() -> api.get("/api/v1/points/me", member.token).body(), p -> !"1.5"
                .equals(p.path("earningMultiplier").asString()));
        assertThat(order(member, 10_000).number("pointsEarned")).isEqualTo(100);

        // settlement: FOOD_DELIVERY owes each share of the price, and the refund's shares come back
        long entertainmentBack = refund * 3000 / 10_000;
        long platformBack = refund * 2000 / 10_000;
        assertThat(eventuallyLines("ENTERTAINMENT", purchaseId, 2))
                .containsExactlyInAnyOrder(
                        "MEMBERSHIP FOOD_DELIVERY 540", "MEMBERSHIP FOOD_DELIVERY " + -entertainmentBack);
        assertThat(eventuallyLines("PLATFORM", purchaseId, 2))
                .containsExactlyInAnyOrder("MEMBERSHIP FOOD_DELIVERY 360", "MEMBERSHIP FOOD_DELIVERY " + -platformBack);
        assertThat(eventuallyLines("FOOD_DELIVERY", purchaseId, 4))
                .containsExactlyInAnyOrder(
                        "MEMBERSHIP ENTERTAINMENT -540",
                        "MEMBERSHIP ENTERTAINMENT " + entertainmentBack,
                        "MEMBERSHIP PLATFORM -360",
                        "MEMBERSHIP PLATFORM " + platformBack);
    }

    @Test
    void aPartnerBenefitRedeemedAtAnotherBuIsOwedByThePartnerAsAny神券() {
        Member member = newMember();
        String purchaseId = "p-" + UUID.randomUUID();
        expect(
                api.post(
                        "/api/v1/memberships/purchases",
                        member.token,
                        Map.of("purchaseId", purchaseId, "planCode", plan)),
                201);
        expect(
                api.post(
                        "/api/v1/bu/memberships/payments",
                        foodDelivery,
                        Map.of("paymentId", "pay-" + purchaseId, "purchaseId", purchaseId, "amountFen", 1800)),
                200);
        JsonNode coupons = eventually(() -> available(member), c -> count(c, partner) == 1);
        String video = null;
        for (JsonNode c : coupons.path("items")) {
            if (partner.equals(c.path("templateId").asString())) {
                video = c.path("couponId").asString();
                assertThat(c.path("fundingBu").asString()).isEqualTo("ENTERTAINMENT");
            }
        }
        String lockId = "lock-" + UUID.randomUUID();
        expect(
                api.post(
                        "/api/v1/bu/coupons/" + video + "/locks",
                        dineIn,
                        Map.of("lockId", lockId, "orderRef", "o-" + lockId, "amountFen", 5_000)),
                201);
        expect(api.post("/api/v1/bu/coupons/locks/" + lockId + "/redeem", dineIn, Map.of()), 200);

        List<String> lines = eventuallyLines("DINE_IN", video, 1);
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).startsWith("COUPON ENTERTAINMENT ");
        assertThat(Long.parseLong(lines.getFirst().substring("COUPON ENTERTAINMENT ".length())))
                .isPositive();
    }

    // ---- helpers

    record Member(String id, String token) {}

    private static Member newMember() {
        String phone = "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Api.Reply login = expect(api.post("/api/v1/auth/login", null, Map.of("phone", phone, "otp", "000000")), 200);
        return new Member(login.text("member_id"), login.text("access_token"));
    }

    private static String template(long discountFen, String fundingBu) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "membership " + UUID.randomUUID().toString().substring(0, 8));
        body.put("kind", "FIXED");
        body.put("discountFen", discountFen);
        body.put("minSpendFen", 0);
        body.put("scenes", List.of("ALL"));
        body.put("fundingBu", fundingBu);
        body.put("validDays", 30);
        body.put("totalQuantity", 1000);
        body.put("perMemberLimit", 10);
        body.put("budgetFen", discountFen * 1000);
        return expect(api.post("/api/v1/admin/coupon-templates", admin, body), 201)
                .text("templateId");
    }

    private static Api.Reply order(Member member, long amountFen) {
        return expect(
                api.postForNewMember(
                        "/api/v1/bu/orders",
                        dineIn,
                        Map.of(
                                "orderId",
                                "o-" + UUID.randomUUID(),
                                "memberId",
                                member.id,
                                "amountFen",
                                amountFen,
                                "occurredAt",
                                Instant.now().toString())),
                201);
    }

    private static JsonNode available(Member member) {
        return api.get("/api/v1/coupons/me?status=AVAILABLE&limit=100", member.token)
                .body();
    }

    private static long count(JsonNode wallet, String template) {
        long n = 0;
        for (JsonNode c : wallet.path("items")) {
            if (template.equals(c.path("templateId").asString())) {
                n++;
            }
        }
        return n;
    }

    /**
     * The party's statement lines of {@code sourceRef}, as "benefitType counterparty amountFen", once there are
     * {@code atLeast}: in this month's statement, or the next month's if an earlier test closed this one.
     */
    private static List<String> eventuallyLines(String party, String sourceRef, int atLeast) {
        String token =
                "PLATFORM".equals(party) ? admin : api.clientToken("bu-" + party.toLowerCase(Locale.ROOT), SECRET);
        YearMonth month = YearMonth.now(Journey.SETTLEMENT_ZONE);
        Supplier<List<String>> probe = () -> {
            List<String> found = new ArrayList<>();
            for (YearMonth m : List.of(month, month.plusMonths(1))) {
                String path = "/api/v1/settlement/periods/" + m + "/statements"
                        + ("PLATFORM".equals(party) ? "?bu=PLATFORM" : "");
                for (JsonNode line :
                        api.get(path, token).body().path("statements").path(0).path("lines")) {
                    if (sourceRef.equals(line.path("sourceRef").asString())) {
                        found.add(line.path("benefitType").asString() + " "
                                + line.path("counterparty").asString() + " "
                                + line.path("amountFen").asLong());
                    }
                }
            }
            return found;
        };
        return eventually(probe, lines -> lines.size() >= atLeast);
    }

    private static <T> T eventually(Supplier<T> probe, Predicate<T> done) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(probe::get, done);
    }

    private static Api.Reply expect(Api.Reply reply, int status) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        return reply;
    }
}
