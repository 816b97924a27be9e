package io.unimember.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.testsupport.OpenApiContract;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The merged contract the gateway hands out, built from the five running services, holds up to swagger-parser and
 * the rules of design §17 (servers, security, 201s, Problem errors, ECMA-262 patterns, no resolved arguments).
 */
class PublishedContractTests {

    static PlatformUnderTest platform;

    @BeforeAll
    static void startPlatform() {
        platform = PlatformUnderTest.shared();
    }

    @Test
    void theMergedDocumentOfAllServicesIsAValidContract() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/v3/api-docs"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode spec = JsonMapper.builder().build().readTree(response.body());
        var operations = OpenApiContract.operations(spec);
        var violations = OpenApiContract.violations(response.body(), "http://127.0.0.1:8080");
        System.out.printf(
                "merged contract: %d paths, %d operations, %d violations%n",
                spec.path("paths").size(), operations.size(), violations.size());
        assertThat(violations).isEmpty();
        assertThat(operations).containsKeys("POST /api/v1/bu/orders", "GET /api/v1/members/me", "GET /api/v1/tiers/me");
    }
}
