package io.unimember.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.testsupport.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Browsers on the configured H5 origins may call the API; others may not. */
class CorsTests extends GatewayTestSupport {

    private static final String H5 = "http://localhost:5173";

    @Test
    void answersAPreflightFromAnAllowedOriginWithoutAToken() {
        client.options()
                .uri("/api/v1/members/me/entitlements")
                .header(HttpHeaders.ORIGIN, H5)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, H5)
                .expectHeader()
                .value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods)
                        .contains("GET"))
                .expectHeader()
                .value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers -> assertThat(headers.toLowerCase())
                        .contains("authorization"));
    }

    @Test
    void refusesAPreflightFromAnotherOrigin() {
        client.options()
                .uri("/api/v1/members/me")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void marksTheActualResponseOnceEvenWhenTheServiceAddsItsOwnCorsHeader() {
        var result = client.get()
                .uri("/api/v1/members/me")
                .header(HttpHeaders.ORIGIN, H5)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.member("m-" + UUID.randomUUID()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();

        assertThat(result.getResponseHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN))
                .containsExactly(H5);
        assertThat(result.getResponseHeaders()
                        .get(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS)
                        .toString())
                .contains("X-Request-Id");
    }
}
