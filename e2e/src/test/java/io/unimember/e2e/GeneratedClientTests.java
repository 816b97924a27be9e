package io.unimember.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.client.ApiClient;
import io.unimember.client.ApiException;
import io.unimember.client.api.BalanceApi;
import io.unimember.client.api.EntitlementsApi;
import io.unimember.client.api.HoldsApi;
import io.unimember.client.api.LocksApi;
import io.unimember.client.api.LoginApi;
import io.unimember.client.api.OrdersApi;
import io.unimember.client.api.ReadsApi;
import io.unimember.client.api.WalletApi;
import io.unimember.client.model.CodeRequest;
import io.unimember.client.model.Coupon;
import io.unimember.client.model.EntitlementView;
import io.unimember.client.model.HoldRequest;
import io.unimember.client.model.LockRequest;
import io.unimember.client.model.LockView;
import io.unimember.client.model.Login;
import io.unimember.client.model.OrderReceipt;
import io.unimember.client.model.OrderRequest;
import io.unimember.client.model.TokenResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract as an integrator gets it: openapi-generator made a Java client from docs/openapi.json at build time
 * (e2e/pom.xml), and the member journey runs through the gateway with that client alone. The first test keeps the
 * file honest: it is what the running platform publishes at {@code /v3/api-docs}, so the client the journey uses is
 * the one an integrator would generate today.
 */
class GeneratedClientTests {

    private static final String SECRET = "demo-secret";

    static PlatformUnderTest platform;

    @BeforeAll
    static void startPlatform() {
        platform = PlatformUnderTest.shared();
    }

    @Test
    void theCommittedContractIsWhatThePlatformPublishes() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/v3/api-docs"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonMapper json = JsonMapper.builder().build();
        JsonNode published = json.readTree(response.body());
        JsonNode committed =
                json.readTree(Files.readString(Path.of(System.getProperty("basedir", "."), "..", "docs", "openapi.json")
                        .normalize()));

        assertThat(differences(committed, published, ""))
                .as("docs/openapi.json differs from what the platform publishes; write it anew with"
                        + " ./platform up && ./platform contract")
                .isEmpty();
    }

    @Test
    void theMemberJourneyRunsOnTheGeneratedClient() throws Exception {
        String gateway = platform.gatewayUrl();
        String phone = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String run = UUID.randomUUID().toString().substring(0, 8);

        LoginApi login = new LoginApi(client(gateway, null));
        login.loginSendCode(new CodeRequest().phone(phone));
        TokenResponse session = login.loginLogin(new Login().phone(phone).otp("000000"));
        String memberId = session.getMemberId();
        ApiClient member = client(gateway, session.getAccessToken());

        // client credentials, as any OAuth 2.0 library gets them (the scheme's tokenUrl)
        Api tokens = new Api(gateway);
        OrdersApi dineIn = new OrdersApi(client(gateway, tokens.clientToken("bu-dine_in", SECRET)));
        ApiClient cinema = client(gateway, tokens.clientToken("bu-entertainment", SECRET));

        OrderReceipt dinner = untilKnown(() -> dineIn.ordersReport(new OrderRequest()
                .orderId("gen-dinner-" + run)
                .memberId(memberId)
                .amountFen(12_800L)
                .occurredAt(OffsetDateTime.now(ZoneOffset.UTC))));
        assertThat(dinner.getPointsEarned()).isEqualTo(128L);
        assertThat(dinner.getGrowthEarned()).isEqualTo(128L);

        ReadsApi tier = new ReadsApi(member);
        assertThat(waitFor(tier::readsMe, t -> "SILVER".equals(t.getTier())).getGrowth())
                .isEqualTo(128L);
        dineIn.ordersReport(new OrderRequest()
                .orderId("gen-banquet-" + run)
                .memberId(memberId)
                .amountFen(200_000L)
                .occurredAt(OffsetDateTime.now(ZoneOffset.UTC)));

        EntitlementsApi entitlements = new EntitlementsApi(member);
        EntitlementView view = waitFor(
                () -> entitlements.entitlementsMine("ENTERTAINMENT", 8_000L),
                v -> "GOLD".equals(v.getTier().getCode())
                        && v.getPoints().getAvailable() == 2_128L
                        && !v.getCoupons().isEmpty());
        Coupon coupon = view.getCoupons().getFirst();
        assertThat(new WalletApi(member)
                        .walletWallet("AVAILABLE", null, null, null)
                        .getItems())
                .anySatisfy(c -> assertThat(c.getCouponId()).isEqualTo(coupon.getCouponId()));

        String orderRef = "gen-ticket-" + run;
        LocksApi locks = new LocksApi(cinema);
        LockView lock = locks.locksLock(
                coupon.getCouponId(),
                new LockRequest().lockId("gen-lock-" + run).orderRef(orderRef).amountFen(8_000L));
        assertThat(lock.getDiscountFen()).isPositive();
        HoldsApi holds = new HoldsApi(cinema);
        holds.holdsHold(new HoldRequest()
                .holdId("gen-hold-" + run)
                .memberId(memberId)
                .points(500L)
                .orderRef(orderRef));
        assertThat(locks.locksRedeem(lock.getLockId()).getStatus()).hasToString("REDEEMED");
        holds.holdsConfirm("gen-hold-" + run);

        assertThat(new BalanceApi(member).balanceMe().getAvailable()).isEqualTo(1_628L);
        waitFor(
                () -> entitlements.entitlementsMine("ENTERTAINMENT", 8_000L),
                v -> v.getPoints().getAvailable() == 1_628L
                        && v.getCoupons().stream()
                                .noneMatch(c -> c.getCouponId().equals(coupon.getCouponId())));
    }

    /** A client of the gateway that sends the token on every call (none for login). */
    private static ApiClient client(String gateway, String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(gateway);
        client.setReadTimeout(Duration.ofSeconds(10));
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    private interface Call<T> {
        T call() throws ApiException;
    }

    /** A member who has just signed up is known to points-service once its event arrives: 404 until then. */
    private static <T> T untilKnown(Call<T> call) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsMatching(e -> e instanceof ApiException api && api.getCode() == 404)
                .until(call::call, result -> true);
    }

    private static <T> T waitFor(Call<T> call, Predicate<T> done) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(call::call, done::test);
    }

    /** Where two JSON documents differ, as JSON pointers (at most 20). */
    private static List<String> differences(JsonNode expected, JsonNode actual, String at) {
        List<String> found = new ArrayList<>();
        collect(expected, actual, at, found);
        return found.size() > 20 ? found.subList(0, 20) : found;
    }

    private static void collect(JsonNode expected, JsonNode actual, String at, List<String> found) {
        if (expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new TreeSet<>(expected.propertyNames());
            names.addAll(actual.propertyNames());
            for (String name : names) {
                String pointer = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!expected.has(name)) {
                    found.add("only published: " + pointer);
                } else if (!actual.has(name)) {
                    found.add("only committed: " + pointer);
                } else {
                    collect(expected.get(name), actual.get(name), pointer, found);
                }
            }
        } else {
            found.add("differs: " + (at.isEmpty() ? "/" : at));
        }
    }
}
