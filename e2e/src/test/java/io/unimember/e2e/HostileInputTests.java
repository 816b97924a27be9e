package io.unimember.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every write endpoint, through the gateway with a token that may use it, gets hundreds of hostile bodies and path
 * segments. None may answer 5xx, every 4xx is problem+json, and none may change anything: the member's balance,
 * wallet and tier are what they were, and the points ledger still sums to zero.
 */
class HostileInputTests {

    record Endpoint(String method, String path, String token, Map<String, Object> validBody) {}

    static PlatformUnderTest platform;
    static Api api;
    static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startPlatform() {
        platform = PlatformUnderTest.shared();
        api = new Api(platform.gatewayUrl());
    }

    @Test
    void noWriteEndpointAnswers5xxOrChangesAnythingForHostileInput() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("HostileInputTests seed: -Dfuzz.seed=" + seed);
        Fuzz fuzz = new Fuzz(seed);

        String phone = "135" + String.format("%08d", Math.floorMod(seed, 100_000_000L));
        api.post("/api/v1/auth/otp", null, Map.of("phone", phone));
        Api.Reply login = api.post("/api/v1/auth/login", null, Map.of("phone", phone, "otp", "000000"));
        String member = login.text("access_token");
        String memberId = login.text("member_id");
        // RETAIL, not DINE_IN: a first DINE_IN order grants a 神券 asynchronously, which would move the snapshot
        String bu = api.clientToken("bu-retail", "demo-secret");
        String admin = api.clientToken("admin", "demo-secret");
        String merchant = api.clientToken("merchant-demo", "demo-secret");
        Api.Reply seedOrder = api.postForNewMember(
                "/api/v1/bu/orders",
                bu,
                Map.of(
                        "orderId",
                        "fuzz-" + seed,
                        "memberId",
                        memberId,
                        "amountFen",
                        10_000,
                        "occurredAt",
                        Instant.now().toString()));
        assertThat(seedOrder.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> snapshot(member).equals("100/0/100/0/\"SILVER\"/100"));
        String before = snapshot(member);

        List<Endpoint> endpoints = List.of(
                new Endpoint("POST", "/api/v1/auth/otp", null, Map.of("phone", "13800000000")),
                new Endpoint("POST", "/api/v1/auth/login", null, Map.of("phone", "13800000000", "otp", "000001")),
                new Endpoint("PATCH", "/api/v1/members/me", member, Map.of("nickname", "n", "birthday", "1990-01-01")),
                new Endpoint(
                        "POST",
                        "/api/v1/bu/members/resolve",
                        bu,
                        Map.of("phone", "13800000001", "externalAccountId", "e")),
                new Endpoint(
                        "POST",
                        "/api/v1/bu/orders",
                        bu,
                        Map.of(
                                "orderId",
                                "o",
                                "memberId",
                                memberId,
                                "amountFen",
                                -5,
                                "occurredAt",
                                "2026-01-01T00:00:00Z")),
                new Endpoint(
                        "POST",
                        "/api/v1/bu/orders/fuzz-" + seed + "/refunds",
                        bu,
                        Map.of("refundId", "r", "amountFen", 20_000)),
                new Endpoint(
                        "POST",
                        "/api/v1/points/holds",
                        bu,
                        Map.of("holdId", "h", "memberId", memberId, "points", 1_000_000, "orderRef", "x")),
                new Endpoint("POST", "/api/v1/coupons/claims", member, Map.of("templateId", "no-such-template")),
                new Endpoint(
                        "POST",
                        "/api/v1/bu/coupons/grants",
                        bu,
                        Map.of("grantId", "g", "templateId", "no-such-template", "memberId", memberId)),
                new Endpoint(
                        "POST",
                        "/api/v1/bu/coupons/no-such-coupon/locks",
                        bu,
                        Map.of("lockId", "l", "orderRef", "x", "amountFen", 100)),
                new Endpoint("POST", "/open/v1/coupons/verify", merchant, Map.of("code", "not-a-code")),
                new Endpoint(
                        "POST",
                        "/api/v1/admin/coupon-templates",
                        admin,
                        Map.of(
                                "name",
                                "n",
                                "kind",
                                "FIXED",
                                "discountFen",
                                -1,
                                "minSpendFen",
                                0,
                                "scenes",
                                List.of("MARS"),
                                "fundingBu",
                                "DINE_IN",
                                "validDays",
                                0,
                                "totalQuantity",
                                0,
                                "perMemberLimit",
                                0,
                                "budgetFen",
                                0)),
                new Endpoint(
                        "PUT",
                        "/api/v1/admin/tiers/GOLD",
                        admin,
                        Map.of("threshold", -1, "pointsMultiplier", "abc", "monthlyCoupons", -2)),
                new Endpoint(
                        "PUT",
                        "/api/v1/admin/settlement/prices",
                        admin,
                        Map.of("benefitType", "COUPON", "fromBu", "MARS", "toBu", "DINE_IN", "basisPoints", -10)),
                new Endpoint(
                        "POST",
                        "/api/v1/admin/clients",
                        admin,
                        Map.of("kind", "BU", "bu", "MARS", "scopes", List.of("root"))));

        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Endpoint e : endpoints) {
            List<String> bodies = new ArrayList<>(fuzz.mutate(e.validBody(), 60));
            bodies.addAll(Fuzz.rawHostileBodies());
            bodies.add(json.writeValueAsString(e.validBody()));
            for (String body : bodies) {
                sent++;
                check(e.method(), e.path(), e.token(), body, failures);
            }
            String hostilePath =
                    e.path().replaceAll("/(fuzz-[^/]+|no-such-coupon|GOLD)(/|$)", "/" + fuzz.segment() + "$2");
            if (!hostilePath.equals(e.path())) {
                sent++;
                check(e.method(), hostilePath, e.token(), json.writeValueAsString(e.validBody()), failures);
            }
        }
        System.out.println("HostileInputTests sent " + sent + " hostile requests");

        assertThat(failures).as("responses that were 5xx or not problem+json").isEmpty();
        assertThat(snapshot(member)).as("nothing the member owns changed").isEqualTo(before);
    }

    @Test
    void aTokenReplayedAfterLogoutIsRefusedEverywhereAndItsRefreshTokenIsDead() {
        String phone = "136" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
        api.post("/api/v1/auth/otp", null, Map.of("phone", phone));
        Api.Reply login = api.post("/api/v1/auth/login", null, Map.of("phone", phone, "otp", "000000"));
        String token = login.text("access_token");
        List<String> memberPaths = List.of(
                "/api/v1/members/me",
                "/api/v1/members/me/entitlements?scene=DINE_IN",
                "/api/v1/points/me",
                "/api/v1/coupons/me",
                "/api/v1/tiers/me");
        for (String path : memberPaths) {
            assertThat(api.get(path, token).status()).as(path).isEqualTo(200);
        }

        Api.Reply logout =
                api.post("/api/v1/members/me/logout", token, Map.of("refresh_token", login.text("refresh_token")));

        assertThat(logout.status()).isEqualTo(204);
        for (String path : memberPaths) {
            Api.Reply replayed = api.get(path, token);
            assertThat(replayed.status()).as(path).isEqualTo(401);
            assertThat(replayed.body().path("code").asString()).isEqualTo("UNAUTHORIZED");
        }
        Api.Reply refreshed = api.postForm(
                "/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", login.text("refresh_token")));
        assertThat(refreshed.status()).isEqualTo(400);
    }

    @Test
    void idempotencyKeysAndQueryParametersAreCheckedToo() throws Exception {
        List<String> failures = new ArrayList<>();
        String member = api.clientToken("admin", "demo-secret");
        for (String q : List.of(
                "limit=-1",
                "limit=999999999999",
                "cursor=%27%20OR%201%3D1",
                "scene=MARS",
                "amountFen=-5",
                "amountFen=1e999",
                "status=LOST")) {
            check("GET", "/api/v1/settlement/periods/2026-13/statements?" + q, member, null, failures);
        }
        assertThat(failures).isEmpty();
    }

    private static void check(String method, String path, String token, String body, List<String> failures) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                    .timeout(Duration.ofSeconds(15))
                    .header("Idempotency-Key", UUID.randomUUID().toString());
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body == null) {
                request.GET();
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (status >= 500
                    || (status >= 400
                            && !response.body().isEmpty()
                            && !type.contains("problem+json")
                            && !type.contains("application/json"))) {
                failures.add(method + " " + path + " → " + status + " " + type + " for body "
                        + (body == null ? "" : body.substring(0, Math.min(body.length(), 120))) + " : "
                        + response.body().substring(0, Math.min(response.body().length(), 200)));
            }
        } catch (java.io.IOException e) {
            // the server may reset a connection that sends 1 MB it refuses; that is a refusal, not a failure
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalArgumentException e) {
            // a path the JDK client will not even send
        }
    }

    /** What the member owns, as the API shows it: balance, wallet and tier. */
    private static String snapshot(String memberToken) {
        JsonNode points = api.get("/api/v1/points/me", memberToken).body();
        JsonNode wallet = api.get("/api/v1/coupons/me", memberToken).body();
        JsonNode tier = api.get("/api/v1/tiers/me", memberToken).body();
        return points.path("available") + "/" + points.path("frozen") + "/" + points.path("lifetimeEarned") + "/"
                + wallet.path("items").size() + "/" + tier.path("tier") + "/" + tier.path("growth");
    }
}
