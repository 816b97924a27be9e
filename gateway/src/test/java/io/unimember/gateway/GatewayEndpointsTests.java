package io.unimember.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.testsupport.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** What the gateway answers itself: health, metrics, the services' API documents, and timeouts. */
class GatewayEndpointsTests extends GatewayTestSupport {

    @Test
    void answersItsOwnHealthWithoutAToken() {
        client.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void servesEachServicesOpenApiDocumentFromTheService() {
        for (String service : new String[] {"member", "points", "coupon", "tier", "settlement", "insight"}) {
            byte[] body = client.get()
                    .uri("/v3/api-docs/" + service)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .returnResult()
                    .getResponseBody();
            assertThat(echo(body).get("path")).isEqualTo("/v3/api-docs");
        }
    }

    @Test
    void servesTheMergedDocumentOfAllServicesWithoutAToken() {
        client.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.info.title")
                .isEqualTo("Unimember API")
                .jsonPath("$.paths")
                .exists();
    }

    @Test
    void aUriLongerThanTheApiAcceptsIsA414Problem() {
        client.get()
                .uri("/api/v1/tiers?q=" + "x".repeat(5_000))
                .exchange()
                .expectStatus()
                .isEqualTo(414)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("URI_TOO_LONG")
                .jsonPath("$.traceId")
                .value(id -> assertThat(id.toString()).matches("[0-9a-f]{32}"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsEveryServiceDocumentInSwaggerUi() {
        byte[] config = client.get()
                .uri("/v3/api-docs/gateway/swagger-config")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();

        var urls = (List<Map<String, String>>) echo(config).get("urls");
        assertThat(urls)
                .extracting(url -> url.get("url"))
                .containsExactlyInAnyOrder(
                        "/v3/api-docs/member",
                        "/v3/api-docs/points",
                        "/v3/api-docs/coupon",
                        "/v3/api-docs/tier",
                        "/v3/api-docs/settlement",
                        "/v3/api-docs/insight");
        client.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }

    @Test
    void timesTheProxyPathPerServiceInPrometheus() {
        client.get()
                .uri("/api/v1/tiers")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.member("m-" + UUID.randomUUID()))
                .exchange()
                .expectStatus()
                .isOk();

        String metrics = client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(metrics)
                .contains("unimember_gateway_proxy_seconds_count{", "service=\"tier\"", "outcome=\"SUCCESS\"");
    }

    @Test
    void answers504ProblemWhenAServiceIsTooSlow() {
        String token = TestTokens.member("m-" + UUID.randomUUID());
        // warm the route up (the token verified, a connection to the service open), so what is timed is the wait
        client.get()
                .uri("/api/v1/members/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk();
        long start = System.nanoTime();
        client.get()
                .uri("/api/v1/members/slow")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isEqualTo(504)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("UPSTREAM_TIMEOUT");
        // the response timeout here is the production 3 s; the service would take 5 s
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(3000L, 4500L);
    }

    @Test
    void answersUnknownPathsWith404ProblemOnceAuthenticated() {
        client.get()
                .uri("/api/v1/nothing-here")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin())
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("NOT_FOUND");
    }
}
