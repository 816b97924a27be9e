package io.unimember.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.testsupport.OpenApiContract;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A bounded contract fuzz, loopback only: for every operation of the merged document, requests made from its own
 * schema (valid-shaped, an empty body, wrong types, no token) with the token its security names. No answer may be a
 * 5xx; every error must be problem+json of the shared Problem's shape; every status must be one the operation
 * documents, and a success body must have the documented shape ({@link SchemaShape}).
 */
class ContractFuzzTests {

    /**
     * Operations that would change the platform for the other tests sharing it: keys, sign-out, and risk control's
     * policy and freezing (a fuzzed rule could park every claim of every other test).
     */
    private static final List<String> LEFT_ALONE = List.of(
            "/api/v1/admin/keys",
            "/logout",
            "/oauth2/revoke",
            "/api/v1/admin/risk/rules",
            "/api/v1/admin/risk/thresholds",
            "/freeze");

    static PlatformUnderTest platform;
    static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startPlatform() {
        platform = PlatformUnderTest.shared();
    }

    @Test
    void everyOperationAnswersItsContractAndNever5xx() throws Exception {
        Api api = new Api(platform.gatewayUrl());
        String phone = "137" + String.format("%08d", System.nanoTime() % 100_000_000L);
        api.post("/api/v1/auth/otp", null, Map.of("phone", phone));
        String member = api.post("/api/v1/auth/login", null, Map.of("phone", phone, "otp", "000000"))
                .text("access_token");
        Map<String, String> tokens = Map.of(
                "member", member,
                "bu", api.clientToken("bu-retail", "demo-secret"),
                "merchant", api.clientToken("merchant-demo", "demo-secret"),
                "admin", api.clientToken("admin", "demo-secret"));
        // the merged document asks six services for theirs; each generates it on first asking, slowly on a busy box
        JsonNode spec = json.readTree(
                send("GET", "/v3/api-docs", "", null, Duration.ofSeconds(60)).body());
        SchemaShape shapes = new SchemaShape(spec);

        List<String> failures = new ArrayList<>();
        int operations = 0;
        int requests = 0;
        int serverErrors = 0;
        for (var entry : OpenApiContract.operations(spec).entrySet()) {
            String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            String path = entry.getKey().substring(method.length() + 1);
            // what changes other tests' world is left alone; reading it is fuzzed like any other operation
            if (!method.equals("GET") && LEFT_ALONE.stream().anyMatch(path::contains)) {
                continue;
            }
            operations++;
            JsonNode operation = entry.getValue();
            String token = tokenFor(operation, tokens);
            JsonNode bodySchema = operation.at("/requestBody/content/application~1json/schema");
            List<@Nullable String> bodies = new ArrayList<>();
            if (bodySchema.isMissingNode()) {
                bodies.add(null);
            } else {
                bodies.add(json.writeValueAsString(shapes.example(bodySchema, false)));
                bodies.add(json.writeValueAsString(shapes.example(bodySchema, true)));
                bodies.add("{}");
            }
            List<@Nullable String> asWho = token == null ? List.of("") : List.of(token, "");
            for (String who : asWho) {
                for (String body : bodies) {
                    requests++;
                    HttpResponse<String> response = send(method, uri(path, operation), who, body);
                    int status = response.statusCode();
                    String what = entry.getKey() + " (" + (who.isEmpty() ? "no token" : "token") + ", body " + body
                            + ") → " + status + " " + response.body();
                    if (status >= 500) {
                        serverErrors++;
                        failures.add("5xx: " + what);
                    }
                    if (!operation.path("responses").has(String.valueOf(status))) {
                        failures.add("undocumented status: " + what);
                    }
                    if (status >= 400) {
                        failures.addAll(problemViolations(response).stream()
                                .map(v -> v + ": " + what)
                                .toList());
                    } else if (!response.body().isEmpty()) {
                        JsonNode schema = operation.at("/responses/" + status + "/content/application~1json/schema");
                        if (!schema.isMissingNode()) {
                            shapes.violations(schema, json.readTree(response.body()), "$")
                                    .forEach(v -> failures.add("schema: " + v + ": " + what));
                        }
                    }
                }
            }
        }
        System.out.printf(
                "contract fuzz: %d operations, %d requests, %d × 5xx, %d violations%n",
                operations, requests, serverErrors, failures.size());
        failures.stream().limit(50).forEach(System.out::println);
        assertThat(operations).isGreaterThan(30);
        assertThat(failures).isEmpty();
    }

    private static @Nullable String tokenFor(JsonNode operation, Map<String, String> tokens) {
        JsonNode security = operation.path("security");
        if (security.isEmpty()) {
            return null;
        }
        JsonNode requirement = security.get(0);
        JsonNode scopes =
                requirement.path("oauth2").isArray() ? requirement.path("oauth2") : requirement.path("bearer");
        String scope = scopes.isEmpty() ? "member" : scopes.get(0).asString();
        if (scope.startsWith("bu:")) {
            return tokens.get("bu");
        }
        if (scope.startsWith("merchant:")) {
            return tokens.get("merchant");
        }
        return tokens.get(scope.equals("admin") ? "admin" : "member");
    }

    /** The path with each parameter filled in, and the required query parameters. */
    private static String uri(String path, JsonNode operation) {
        String filled = path;
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asString();
            String value = SchemaShape.scalar(parameter.path("schema"));
            if (parameter.path("in").asString().equals("path")) {
                filled = filled.replace("{" + name + "}", URLEncoder.encode(value, StandardCharsets.UTF_8));
            } else if (parameter.path("in").asString().equals("query")
                    && parameter.path("required").asBoolean()) {
                query.append(query.isEmpty() ? '?' : '&')
                        .append(name)
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return filled + query;
    }

    private static List<String> problemViolations(HttpResponse<String> response) {
        List<String> violations = new ArrayList<>();
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (response.request().uri().getPath().startsWith("/oauth2/")
                && type.startsWith("application/json")
                && json.readTree(response.body()).path("error").isString()) {
            return violations; // the OAuth2 endpoints answer errors as RFC 6749 §5.2 says, which OAuth clients read
        }
        if (!type.startsWith("application/problem+json")) {
            violations.add("error not problem+json (" + type + ")");
            return violations;
        }
        JsonNode problem = json.readTree(response.body());
        if (problem.path("status").asInt() != response.statusCode()) {
            violations.add("problem status differs");
        }
        if (!problem.path("code").asString().matches("[A-Z][A-Z0-9_]*")) {
            violations.add("problem code not UPPER_SNAKE");
        }
        if (!problem.path("traceId").asString().matches("[0-9a-f]{32}")) {
            violations.add("problem traceId not W3C");
        }
        if (!problem.has("type") || !problem.has("title")) {
            violations.add("problem without type or title");
        }
        return violations;
    }

    private static HttpResponse<String> send(String method, String pathAndQuery, String token, @Nullable String body)
            throws Exception {
        return send(method, pathAndQuery, token, body, Duration.ofSeconds(10));
    }

    private static HttpResponse<String> send(
            String method, String pathAndQuery, String token, @Nullable String body, Duration timeout)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + pathAndQuery))
                .timeout(timeout)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        request.header("Idempotency-Key", "fuzz-" + System.nanoTime());
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
