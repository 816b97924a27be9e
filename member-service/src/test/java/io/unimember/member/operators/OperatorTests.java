package io.unimember.member.operators;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.unimember.member.MemberIntegrationTest;
import io.unimember.member.TestApi;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Operators are people: two factors to sign in, a role that gates each admin endpoint, every write audited. */
class OperatorTests extends MemberIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestApi api;

    @Autowired
    Clock clock;

    @Test
    void anOperatorSignsInWithPasswordAndTotpOnceAndTheTokenNamesThemAndTheirRole() throws Exception {
        JsonNode created = create(api.adminToken(), "FINANCE", null);

        var signedIn = signIn(created, Totp.code(created.path("totpSecret").asString(), clock.instant()));
        var replayed = signIn(created, Totp.code(created.path("totpSecret").asString(), clock.instant()));
        var wrongPassword = api.post(
                "/api/v1/auth/operators/token",
                null,
                body(created.path("username").asString(), "not-it", "123456"));

        assertThat(created.path("password").asString()).hasSizeGreaterThan(16);
        assertThat(created.path("otpauthUri").asString()).startsWith("otpauth://totp/Unimember:");
        assertThat(signedIn.getStatusCode().value()).as(signedIn.getBody()).isEqualTo(200);
        var claims = SignedJWT.parse(
                        JSON.readTree(signedIn.getBody()).path("access_token").asString())
                .getJWTClaimsSet();
        assertThat(claims.getStringClaim("scope")).isEqualTo("admin");
        assertThat(claims.getStringClaim("role")).isEqualTo("FINANCE");
        assertThat(claims.getStringClaim("operator_id"))
                .isEqualTo(created.path("operatorId").asString());
        assertThat(claims.getSubject()).isEqualTo(created.path("operatorId").asString());
        assertThat(JSON.readTree(signedIn.getBody()).has("refresh_token")).isFalse();
        assertThat(replayed.getStatusCode().value()).isEqualTo(401);
        assertThat(replayed.getBody()).contains("OPERATOR_SIGN_IN_FAILED");
        assertThat(wrongPassword.getStatusCode().value()).isEqualTo(401);
        assertThat(api.get("/api/v1/admin/operators", api.adminToken()).getBody())
                .contains(created.path("operatorId").asString())
                .doesNotContain(
                        created.path("password").asString(),
                        created.path("totpSecret").asString());
    }

    @Test
    void eachAdminEndpointAdmitsItsRolesOnly() throws Exception {
        String admin = api.adminToken();
        String support = tokenOf(create(admin, "SUPPORT", null));
        String finance = tokenOf(create(admin, "FINANCE", null));
        String hotelAdmin = tokenOf(create(admin, "BU_ADMIN", "HOTEL"));
        String client = "{\"kind\":\"BU\",\"bu\":\"%s\",\"scopes\":[\"bu:orders\"]}";

        assertThat(api.post("/api/v1/admin/keys/rotate", support, "{}").getBody())
                .contains("ROLE_REQUIRED");
        assertThat(api.get("/api/v1/admin/audit", support).getStatusCode().value())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/admin/audit", finance).getStatusCode().value())
                .isEqualTo(200);
        assertThat(api.post(
                                "/api/v1/admin/operators",
                                finance,
                                "{\"username\":\"f-" + suffix() + "\",\"role\":\"SUPPORT\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/admin/clients", hotelAdmin, client.formatted("HOTEL"))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        var otherBu = api.post("/api/v1/admin/clients", hotelAdmin, client.formatted("DINE_IN"));
        assertThat(otherBu.getStatusCode().value()).isEqualTo(403);
        assertThat(otherBu.getBody()).contains("ROLE_REQUIRED");
        assertThat(api.post("/api/v1/admin/clients", finance, client.formatted("HOTEL"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
    }

    @Test
    void everyAdminWriteIsAuditedWithWhoWhatAndAfterAndPagesByCursor() throws Exception {
        String admin = api.adminToken();
        JsonNode operator = create(admin, "OPERATOR", null);
        String token = tokenOf(operator);
        String operatorId = operator.path("operatorId").asString();
        String first = "t-audit-" + UUID.randomUUID().toString().substring(0, 8);
        String second = "t-audit-" + UUID.randomUUID().toString().substring(0, 8);
        for (String id : new String[] {first, second}) {
            var registered = api.post(
                    "/api/v1/admin/clients",
                    token,
                    "{\"clientId\":\"" + id + "\",\"kind\":\"BU\",\"bu\":\"RETAIL\",\"scopes\":[\"bu:orders\"]}");
            assertThat(registered.getStatusCode().value()).isEqualTo(201);
        }

        JsonNode page1 = JSON.readTree(api.get("/api/v1/admin/audit?limit=1&actor=" + operatorId, admin)
                .getBody());
        JsonNode page2 = JSON.readTree(api.get(
                        "/api/v1/admin/audit?limit=1&actor=" + operatorId + "&cursor="
                                + page1.path("nextCursor").asString(),
                        admin)
                .getBody());

        JsonNode newest = page1.path("items").get(0);
        assertThat(newest.path("action").asString()).isEqualTo("CLIENT_REGISTERED");
        assertThat(newest.path("target").asString()).isEqualTo(second);
        assertThat(newest.path("actorKind").asString()).isEqualTo("OPERATOR");
        assertThat(newest.path("role").asString()).isEqualTo("OPERATOR");
        assertThat(newest.path("after").path("scopes").get(0).asString()).isEqualTo("bu:orders");
        assertThat(newest.path("at").asString()).isNotBlank();
        assertThat(page2.path("items").get(0).path("target").asString()).isEqualTo(first);
        // the operator's own creation was recorded too, by whoever made them
        assertThat(api.get("/api/v1/admin/audit?action=OPERATOR_CREATED&limit=200", admin)
                        .getBody())
                .contains(operatorId);
        assertThat(api.get("/api/v1/admin/audit?cursor=abc", admin)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/admin/audit?limit=0", admin).getStatusCode().value())
                .isEqualTo(400);
    }

    @Test
    void failedSignInsLockTheAccountAndBadRequestsAre400() throws Exception {
        String admin = api.adminToken();
        JsonNode operator = create(admin, "SUPPORT", null);
        String username = operator.path("username").asString();

        for (int i = 0; i < 5; i++) {
            api.post("/api/v1/auth/operators/token", null, body(username, "wrong", "000000"));
        }
        var locked = signIn(operator, Totp.code(operator.path("totpSecret").asString(), clock.instant()));

        assertThat(locked.getStatusCode().value()).isEqualTo(429);
        assertThat(locked.getBody()).contains("OPERATOR_LOCKED");
        assertThat(locked.getHeaders().getFirst("Retry-After")).isNotBlank();
        var noBu = api.post(
                "/api/v1/admin/operators", admin, "{\"username\":\"ba-" + suffix() + "\",\"role\":\"BU_ADMIN\"}");
        var badName = api.post("/api/v1/admin/operators", admin, "{\"username\":\"X Y\",\"role\":\"SUPPORT\"}");
        var badCode = api.post("/api/v1/auth/operators/token", null, body(username, "x", "12ab56"));
        assertThat(noBu.getStatusCode().value()).isEqualTo(400);
        assertThat(noBu.getBody()).contains("\"field\":\"bu\"");
        assertThat(badName.getBody()).contains("\"field\":\"username\"");
        assertThat(badCode.getBody()).contains("\"field\":\"totp\"");
        String taken = "{\"username\":\"" + username + "\",\"role\":\"SUPPORT\"}";
        assertThat(api.post("/api/v1/admin/operators", admin, taken)
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
    }

    private JsonNode create(String token, String role, String bu) {
        String json = "{\"username\":\"op-" + suffix() + "\",\"role\":\"" + role + "\""
                + (bu == null ? "" : ",\"bu\":\"" + bu + "\"") + "}";
        var created = api.post("/api/v1/admin/operators", token, json);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        return JSON.readTree(created.getBody());
    }

    private String tokenOf(JsonNode operator) {
        var signedIn = signIn(operator, Totp.code(operator.path("totpSecret").asString(), clock.instant()));
        assertThat(signedIn.getStatusCode().value()).as(signedIn.getBody()).isEqualTo(200);
        return JSON.readTree(signedIn.getBody()).path("access_token").asString();
    }

    private org.springframework.http.ResponseEntity<String> signIn(JsonNode operator, String code) {
        return api.post(
                "/api/v1/auth/operators/token",
                null,
                body(
                        operator.path("username").asString(),
                        operator.path("password").asString(),
                        code));
    }

    private static String body(String username, String password, String totp) {
        return JSON.writeValueAsString(Map.of("username", username, "password", password, "totp", totp));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 12);
    }
}
