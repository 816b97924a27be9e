package io.unimember.settlement.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.settlement.support.Fixture;
import io.unimember.settlement.support.SettlementIntegrationTest;
import io.unimember.testsupport.TestHttp;
import io.unimember.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

@SettlementIntegrationTest
class WebhookApiTests {

    private static final String HOOKS = "/api/v1/bu/webhooks";

    @Autowired
    Fixture fixture;

    @Autowired
    Environment environment;

    @Test
    void registeringShowsTheSecretOnceAndTheListNeverAgain() {
        String token = Hooks.bu(Hooks.newBu());

        var created = post(
                HOOKS,
                token,
                """
                {"url":"http://127.0.0.1:9/a","events":["points.earned","membership.*"]}""");

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode body = fixture.tree(created.getBody());
        assertThat(body.get("secret").asString()).startsWith("whsec_").hasSize(6 + 64);
        assertThat(body.get("events").toString())
                .isEqualTo(
                        "[\"points.earned\",\"membership.activated\",\"membership.renewed\",\"membership.cancelled\","
                                + "\"membership.lapsed\",\"membership.refunded\",\"membership.benefit-used\"]");
        var list = fixture.get(HOOKS, token);
        assertThat(list.getStatusCode().value()).isEqualTo(200);
        assertThat(list.getBody())
                .doesNotContain("secret")
                .contains(body.get("webhookId").asString());
    }

    @Test
    void aBuSeesAndChangesOnlyItsOwnEndpoints() {
        String mine = Hooks.bu(Hooks.newBu());
        String theirs = Hooks.bu(Hooks.newBu());
        String id = register(mine, "http://127.0.0.1:9/mine");

        assertThat(fixture.get(HOOKS, theirs).getBody()).doesNotContain(id);
        for (String action : new String[] {"/pause", "/resume", "/rotate-secret"}) {
            var answer = post(HOOKS + "/" + id + action, theirs, null);
            assertThat(answer.getStatusCode().value()).isEqualTo(404);
            assertThat(answer.getBody()).contains("WEBHOOK_NOT_FOUND");
        }
        assertThat(send(HttpMethod.DELETE, HOOKS + "/" + id, theirs)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(send(HttpMethod.DELETE, HOOKS + "/" + id, mine)
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(fixture.get(HOOKS, mine).getBody()).doesNotContain(id);
    }

    @Test
    void pauseResumeAndRotateChangeTheEndpoint() {
        String token = Hooks.bu(Hooks.newBu());
        var created = fixture.tree(post(
                        HOOKS,
                        token,
                        """
                        {"url":"http://127.0.0.1:9/p","events":["tier.changed"],"secret":"my-own-secret-of-24-chars"}""")
                .getBody());
        String id = created.get("webhookId").asString();
        assertThat(created.get("secret").asString()).isEqualTo("my-own-secret-of-24-chars");

        JsonNode paused =
                fixture.tree(post(HOOKS + "/" + id + "/pause", token, null).getBody());
        assertThat(paused.get("status").asString()).isEqualTo("PAUSED");
        assertThat(paused.get("pausedReason").asString()).isEqualTo("OWNER");
        JsonNode resumed =
                fixture.tree(post(HOOKS + "/" + id + "/resume", token, null).getBody());
        assertThat(resumed.get("status").asString()).isEqualTo("ACTIVE");
        JsonNode rotated = fixture.tree(
                post(HOOKS + "/" + id + "/rotate-secret", token, null).getBody());
        assertThat(rotated.get("secret").asString()).startsWith("whsec_").isNotEqualTo("my-own-secret-of-24-chars");
    }

    @Test
    void withoutTheWebhookScopeTheApiIsForbidden() {
        var answer = fixture.get(HOOKS, TestTokens.bu("HOTEL"));

        assertThat(answer.getStatusCode().value()).isEqualTo(403);
        assertThat(fixture.get(HOOKS, TestTokens.member("m-1")).getStatusCode().value())
                .isEqualTo(403);
        assertThat(fixture.get(HOOKS, null).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void badRegistrationsAreProblemsNeverServerErrors() {
        String token = Hooks.bu(Hooks.newBu());

        assertProblem(
                post(HOOKS, token, "{\"url\":\"ftp://127.0.0.1/x\",\"events\":[\"tier.changed\"]}"),
                400,
                "WEBHOOK_TARGET_FORBIDDEN");
        assertProblem(
                post(HOOKS, token, "{\"url\":\"http://127.0.0.1/x\",\"events\":[\"points.stolen\"]}"),
                400,
                "WEBHOOK_EVENT_UNKNOWN");
        assertProblem(post(HOOKS, token, "{\"url\":\"http://127.0.0.1/x\",\"events\":[]}"), 400, "VALIDATION_FAILED");
        assertProblem(post(HOOKS, token, "{\"events\":[\"tier.changed\"]}"), 400, "VALIDATION_FAILED");
        assertProblem(
                post(
                        HOOKS,
                        token,
                        "{\"url\":\"http://127.0.0.1/x\",\"events\":[\"tier.changed\"],\"secret\":\"short\"}"),
                400,
                "VALIDATION_FAILED");
        assertProblem(post(HOOKS, token, "{\"url\":"), 400, "MALFORMED_REQUEST");
        assertProblem(post(HOOKS + "/not-an-id/pause", token, null), 400, "VALIDATION_FAILED");
        register(token, "http://127.0.0.1:9/twice");
        assertProblem(
                post(HOOKS, token, "{\"url\":\"http://127.0.0.1:9/twice\",\"events\":[\"tier.changed\"]}"),
                409,
                "WEBHOOK_URL_REGISTERED");
    }

    @Test
    void aMerchantMayNotSubscribeToItsBusStatements() {
        var answer = post(
                HOOKS,
                Hooks.merchant("mer-1", Hooks.newBu()),
                """
                {"url":"http://127.0.0.1:9/m","events":["settlement.period.closed"]}""");

        assertProblem(answer, 400, "WEBHOOK_EVENT_NOT_ALLOWED");
    }

    @Test
    void deadLettersAreForAdminOnly() {
        assertThat(fixture.get("/api/v1/admin/webhooks/dead-letters", Hooks.bu(Hooks.newBu()))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(fixture.get("/api/v1/admin/webhooks/dead-letters", TestTokens.admin())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertProblem(
                post("/api/v1/admin/webhooks/dead-letters/replay", TestTokens.admin(), "{\"webhookId\":\"x\"}"),
                400,
                "VALIDATION_FAILED");
    }

    private String register(String token, String url) {
        var created = post(HOOKS, token, "{\"url\":\"" + url + "\",\"events\":[\"tier.changed\"]}");
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        return fixture.tree(created.getBody()).get("webhookId").asString();
    }

    private void assertProblem(ResponseEntity<String> answer, int status, String code) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(fixture.tree(answer.getBody()).get("code").asString()).isEqualTo(code);
    }

    private ResponseEntity<String> post(String path, String token, String json) {
        return TestHttp.to(environment).post(path, token, json);
    }

    private ResponseEntity<String> send(HttpMethod method, String path, String token) {
        return TestHttp.to(environment).send(method, path, token, null);
    }
}
