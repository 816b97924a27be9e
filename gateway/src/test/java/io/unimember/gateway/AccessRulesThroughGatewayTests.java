package io.unimember.gateway;

import io.unimember.testsupport.TestTokens;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/** Each path family lets in exactly the callers the design names (200 from the stub) and refuses the rest. */
class AccessRulesThroughGatewayTests extends GatewayTestSupport {

    static Stream<Arguments> calls() {
        return Stream.of(
                call(HttpMethod.POST, "/oauth2/token", null, 200),
                call(HttpMethod.GET, "/.well-known/openid-configuration", null, 200),
                call(HttpMethod.POST, "/api/v1/auth/otp", null, 200),
                call(HttpMethod.GET, "/api/v1/members/me", "member", 200),
                call(HttpMethod.GET, "/api/v1/members/me", "bu", 403),
                call(HttpMethod.GET, "/api/v1/points/me", "member", 200),
                call(HttpMethod.GET, "/api/v1/points/me", "merchant", 403),
                call(HttpMethod.GET, "/api/v1/coupons/me", "member", 200),
                call(HttpMethod.GET, "/api/v1/coupons/me", "admin", 403),
                call(HttpMethod.GET, "/api/v1/tiers", "bu", 200),
                call(HttpMethod.GET, "/api/v1/tiers", "member", 200),
                call(HttpMethod.GET, "/api/v1/tiers/me", "member", 200),
                call(HttpMethod.GET, "/api/v1/tiers/me", "bu", 403),
                call(HttpMethod.POST, "/api/v1/bu/orders", "bu", 200),
                call(HttpMethod.POST, "/api/v1/bu/orders", "member", 403),
                call(HttpMethod.POST, "/api/v1/bu/members/resolve", "merchant", 403),
                call(HttpMethod.POST, "/api/v1/points/holds", "bu", 200),
                call(HttpMethod.POST, "/api/v1/points/holds", "bu-orders-only", 403),
                call(HttpMethod.POST, "/api/v1/points/holds/h1/confirm", "member", 403),
                call(HttpMethod.GET, "/open/v1/members/m1", "merchant", 200),
                call(HttpMethod.GET, "/open/v1/members/m1", "bu", 403),
                call(HttpMethod.POST, "/open/v1/coupons/verify", "merchant", 200),
                call(HttpMethod.POST, "/api/v1/admin/clients", "admin", 200),
                call(HttpMethod.POST, "/api/v1/admin/clients", "bu", 403),
                call(HttpMethod.POST, "/api/v1/admin/coupon-templates", "bu", 200),
                call(HttpMethod.POST, "/api/v1/admin/coupon-templates", "bu-orders-only", 403),
                call(HttpMethod.GET, "/api/v1/admin/coupon-templates", "bu", 403),
                call(HttpMethod.POST, "/api/v1/admin/coupon-templates", "admin", 200),
                call(HttpMethod.PUT, "/api/v1/admin/tiers/GOLD", "admin", 200),
                call(HttpMethod.GET, "/api/v1/settlement/periods/2026-01/statements", "bu", 200),
                call(HttpMethod.GET, "/api/v1/settlement/periods/2026-01/statements", "admin", 200),
                call(HttpMethod.GET, "/api/v1/settlement/periods/2026-01/statements", "member", 403),
                call(HttpMethod.POST, "/api/v1/admin/settlement/periods/2026-01/close", "bu", 403),
                // member-service's risk reviews: routed (not 404), and for operators only
                call(HttpMethod.GET, "/api/v1/admin/risk/reviews", "admin", 200),
                call(HttpMethod.GET, "/api/v1/admin/risk/reviews", "operator", 200),
                call(HttpMethod.GET, "/api/v1/admin/risk/reviews", "support", 403),
                call(HttpMethod.GET, "/api/v1/admin/risk/reviews", "bu", 403),
                call(HttpMethod.POST, "/api/v1/admin/members/m1/freeze", "support", 200),
                call(HttpMethod.GET, "/actuator/metrics", "member", 403),
                call(HttpMethod.GET, "/actuator/metrics", "admin", 200),
                call(HttpMethod.GET, "/api/v1/members/me/../../admin/clients", "member", 400));
    }

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @MethodSource("calls")
    void letsInOnlyTheRightCallers(HttpMethod method, String path, @Nullable String caller, int status) {
        var request = client.method(method).uri(path);
        if (caller != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token(caller));
        }
        request.exchange().expectStatus().isEqualTo(status);
    }

    private static Arguments call(HttpMethod method, String path, @Nullable String caller, int status) {
        return Arguments.of(method, path, caller, status);
    }

    private static String token(String caller) {
        return switch (caller) {
            case "member" -> TestTokens.member("m-" + UUID.randomUUID());
            case "bu" -> TestTokens.bu("DINE_IN");
            case "bu-orders-only" ->
                TestTokens.builder()
                        .subject("bu-hotel")
                        .claim("bu", "HOTEL")
                        .scope("bu:orders")
                        .build();
            case "merchant" -> TestTokens.merchant("merchant-demo", "ENTERTAINMENT");
            case "admin" -> TestTokens.admin();
            case "operator", "support" ->
                TestTokens.builder()
                        .subject("op_" + caller)
                        .scope("admin")
                        .claim("role", caller.toUpperCase(java.util.Locale.ROOT))
                        .build();
            default -> throw new IllegalArgumentException(caller);
        };
    }
}
