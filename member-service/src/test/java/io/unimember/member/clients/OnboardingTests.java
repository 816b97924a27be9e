package io.unimember.member.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.member.MemberIntegrationTest;
import io.unimember.member.TestApi;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A new BU is data: the row, its clients (secret shown once, rotated, disabled) and its apps, over the API. */
class OnboardingTests extends MemberIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestApi api;

    @Test
    void aNewBuIsARowWhoseClientsGetTokensAtOnce() {
        String admin = api.adminToken();
        String code = "PETS_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();

        var created = api.post("/api/v1/admin/business-units", admin, "{\"code\":\"" + code + "\",\"name\":\"宠物\"}");
        var again = api.post("/api/v1/admin/business-units", admin, "{\"code\":\"" + code + "\",\"name\":\"宠物\"}");
        var client = api.post(
                "/api/v1/admin/clients",
                admin,
                "{\"kind\":\"BU\",\"bu\":\"" + code + "\",\"scopes\":[\"bu:orders\",\"bu:members\"]}");

        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).contains("BUSINESS_UNIT_EXISTS");
        assertThat(client.getStatusCode().value()).as(client.getBody()).isEqualTo(201);
        JsonNode registered = JSON.readTree(client.getBody());
        String clientId = registered.path("clientId").asString();
        var token = api.tokenRequest(
                clientId, registered.path("clientSecret").asString(), Map.of("grant_type", "client_credentials"));
        assertThat(token.getStatusCode().value()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/business-units", admin).getBody()).contains(code, "宠物");
        var listed = api.get("/api/v1/admin/business-units/" + code + "/clients", admin);
        assertThat(listed.getBody())
                .contains(clientId)
                .doesNotContain(registered.path("clientSecret").asString());
        assertThat(api.post("/api/v1/admin/business-units", admin, "{\"code\":\"lower\",\"name\":\"x\"}")
                        .getBody())
                .contains("\"field\":\"code\"");
        assertThat(api.get("/api/v1/admin/business-units/NO_SUCH_BU/clients", admin)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }

    @Test
    void aRotatedSecretReplacesTheOldOneAndADisabledClientGetsNoTokens() {
        String admin = api.adminToken();
        JsonNode registered = JSON.readTree(api.post(
                        "/api/v1/admin/clients",
                        admin,
                        "{\"kind\":\"BU\",\"bu\":\"TRAVEL\",\"scopes\":[\"bu:orders\"]}")
                .getBody());
        String clientId = registered.path("clientId").asString();
        String oldSecret = registered.path("clientSecret").asString();

        var rotated = api.post("/api/v1/admin/clients/" + clientId + "/secret", admin, "{}");
        String newSecret = JSON.readTree(rotated.getBody()).path("clientSecret").asString();

        assertThat(rotated.getStatusCode().value()).isEqualTo(200);
        assertThat(newSecret).isNotEqualTo(oldSecret);
        assertThat(grant(clientId, oldSecret)).isEqualTo(401);
        assertThat(grant(clientId, newSecret)).isEqualTo(200);

        var disabled = api.post("/api/v1/admin/clients/" + clientId + "/disable", admin, "{}");
        assertThat(disabled.getStatusCode().value()).isEqualTo(200);
        assertThat(disabled.getBody()).contains("\"disabledAt\":\"");
        assertThat(grant(clientId, newSecret)).isEqualTo(401);
        assertThat(api.post("/api/v1/admin/clients/no-such-client/secret", admin, "{}")
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/admin/audit?action=CLIENT_SECRET_ROTATED&limit=200", admin)
                        .getBody())
                .contains(clientId)
                .doesNotContain(newSecret);
    }

    @Test
    void anAppIsRegisteredWithRedirectUrisAndAPublicOneHasNoSecret() {
        String admin = api.adminToken();

        var confidential = api.post(
                "/api/v1/admin/clients",
                admin,
                "{\"kind\":\"MEMBER_APP\",\"bu\":\"ENTERTAINMENT\",\"name\":\"Cinema\",\"scopes\":[\"openid\",\"member\"],"
                        + "\"redirectUris\":[\"https://cinema.example/callback\"]}");
        var mini = api.post(
                "/api/v1/admin/clients",
                admin,
                "{\"kind\":\"MEMBER_APP\",\"bu\":\"RETAIL\",\"public\":true,\"scopes\":[\"openid\",\"member\"],"
                        + "\"redirectUris\":[\"com.example.mini:/callback\"]}");
        var noRedirect = api.post(
                "/api/v1/admin/clients", admin, "{\"kind\":\"MEMBER_APP\",\"bu\":\"RETAIL\",\"scopes\":[\"member\"]}");
        var badScope = api.post(
                "/api/v1/admin/clients",
                admin,
                "{\"kind\":\"MEMBER_APP\",\"bu\":\"RETAIL\",\"scopes\":[\"bu:orders\"],"
                        + "\"redirectUris\":[\"https://x.example/cb\"]}");
        var badUri = api.post(
                "/api/v1/admin/clients",
                admin,
                "{\"kind\":\"MEMBER_APP\",\"bu\":\"RETAIL\",\"scopes\":[\"member\"],"
                        + "\"redirectUris\":[\"http://evil.example/cb#x\"]}");

        assertThat(confidential.getStatusCode().value())
                .as(confidential.getBody())
                .isEqualTo(201);
        assertThat(JSON.readTree(confidential.getBody()).path("clientSecret").asString())
                .isNotBlank();
        assertThat(mini.getStatusCode().value()).as(mini.getBody()).isEqualTo(201);
        JsonNode noSecret = JSON.readTree(mini.getBody()).get("clientSecret");
        assertThat(noSecret == null || noSecret.isNull()).isTrue();
        assertThat(noRedirect.getBody()).contains("\"field\":\"redirectUris\"");
        assertThat(badScope.getBody()).contains("\"field\":\"scopes\"");
        assertThat(badUri.getStatusCode().value()).isEqualTo(400);
    }

    private int grant(String clientId, String secret) {
        return api.tokenRequest(clientId, secret, Map.of("grant_type", "client_credentials"))
                .getStatusCode()
                .value();
    }
}
