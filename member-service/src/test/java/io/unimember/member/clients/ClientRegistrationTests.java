package io.unimember.member.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.member.MemberIntegrationTest;
import io.unimember.member.TestApi;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ClientRegistrationTests extends MemberIntegrationTest {

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void anAdminRegistersAMerchantWhoseSecretIsShownOnceAndStoredHashed() {
        String clientId = "cinema-" + UUID.randomUUID();
        var created = api.post(
                "/api/v1/admin/clients",
                api.adminToken(),
                "{\"clientId\":\"" + clientId + "\",\"kind\":\"MERCHANT\",\"bu\":\"ENTERTAINMENT\","
                        + "\"merchantId\":\"m-" + clientId + "\",\"scopes\":[\"merchant:members\"]}");

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode body = json.readTree(created.getBody());
        String secret = body.get("clientSecret").asString();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
        assertThat(body.get("clientId").asString()).isEqualTo(clientId);
        String stored = jdbc.sql("SELECT secret_hash FROM oauth_client WHERE client_id = ?")
                .param(clientId)
                .query(String.class)
                .single();
        assertThat(stored).startsWith("{bcrypt}").doesNotContain(secret);
        var token = api.tokenRequest(clientId, secret, Map.of("grant_type", "client_credentials"));
        assertThat(token.getStatusCode().value()).isEqualTo(200);
        assertThat(token.getBody()).containsEntry("scope", "merchant:members");
    }

    @Test
    void anAdminRegistersABuClientWithAGeneratedId() {
        var created = api.post(
                "/api/v1/admin/clients",
                api.adminToken(),
                "{\"kind\":\"BU\",\"bu\":\"FOOD_DELIVERY\",\"scopes\":[\"bu:orders\",\"bu:redeem\"]}");

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(json.readTree(created.getBody()).get("clientId").asString()).startsWith("bu-food_delivery-");
    }

    @Test
    void badRegistrationsAre400WithFieldErrors() {
        String admin = api.adminToken();

        var unknownBu = register(admin, "{\"kind\":\"BU\",\"bu\":\"SPACE_TRAVEL\",\"scopes\":[\"bu:orders\"]}");
        var unknownKind = register(admin, "{\"kind\":\"WIZARD\",\"bu\":\"HOTEL\",\"scopes\":[\"bu:orders\"]}");
        var merchantWithoutId =
                register(admin, "{\"kind\":\"MERCHANT\",\"bu\":\"HOTEL\",\"scopes\":[\"merchant:members\"]}");
        var foreignScope = register(admin, "{\"kind\":\"BU\",\"bu\":\"HOTEL\",\"scopes\":[\"admin\"]}");
        var noScopes = register(admin, "{\"kind\":\"BU\",\"bu\":\"HOTEL\",\"scopes\":[]}");
        var longId = register(
                admin,
                "{\"clientId\":\"" + "a".repeat(65)
                        + "\",\"kind\":\"BU\",\"bu\":\"HOTEL\",\"scopes\":[\"bu:orders\"]}");
        var wrongType = register(admin, "{\"kind\":\"BU\",\"bu\":\"HOTEL\",\"scopes\":\"bu:orders\"}");
        var malformed = register(admin, "{\"kind\":");

        assertThat(unknownBu.getStatusCode().value()).isEqualTo(400);
        assertThat(unknownBu.getBody()).contains("VALIDATION_FAILED", "\"field\":\"bu\"");
        assertThat(unknownKind.getBody()).contains("\"field\":\"kind\"");
        assertThat(merchantWithoutId.getBody()).contains("\"field\":\"merchantId\"");
        assertThat(foreignScope.getBody()).contains("\"field\":\"scopes\"");
        assertThat(noScopes.getBody()).contains("\"field\":\"scopes\"");
        assertThat(longId.getBody()).contains("\"field\":\"clientId\"");
        assertThat(wrongType.getStatusCode().value()).isEqualTo(400);
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aTakenClientIdIsAConflict() {
        String admin = api.adminToken();
        String body = "{\"clientId\":\"dup-" + UUID.randomUUID()
                + "\",\"kind\":\"BU\",\"bu\":\"HOTEL\",\"scopes\":[\"bu:orders\"]}";

        register(admin, body);
        var again = register(admin, body);

        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).contains("CLIENT_EXISTS");
    }

    @Test
    void onlyAnAdminRegistersClients() {
        String body = "{\"kind\":\"BU\",\"bu\":\"HOTEL\",\"scopes\":[\"bu:orders\"]}";

        assertThat(register(api.buToken("HOTEL"), body).getStatusCode().value()).isEqualTo(403);
        assertThat(register(api.newMember().token(), body).getStatusCode().value())
                .isEqualTo(403);
        assertThat(register(null, body).getStatusCode().value()).isEqualTo(401);
    }

    private org.springframework.http.ResponseEntity<String> register(String token, String body) {
        return api.post("/api/v1/admin/clients", token, body);
    }
}
