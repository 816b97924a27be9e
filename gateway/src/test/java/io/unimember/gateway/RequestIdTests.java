package io.unimember.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.testsupport.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Every answer carries one {@code X-Request-Id}, and the service behind sees the same one. */
class RequestIdTests extends GatewayTestSupport {

    @Test
    void keepsASaneRequestIdAndForwardsIt() {
        var result = get("abc-123.x_y:z");

        assertThat(result.getResponseHeaders().get("X-Request-Id")).containsExactly("abc-123.x_y:z");
        assertThat(forwardedHeaders(result.getResponseBody()).get("x-request-id"))
                .containsExactly("abc-123.x_y:z");
    }

    @Test
    void replacesAnInsaneRequestIdWithAFreshOne() {
        var result = get("<script>alert(1)</script>");

        String id = result.getResponseHeaders().getFirst("X-Request-Id");
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(result.getResponseHeaders().get("X-Request-Id")).hasSize(1);
        assertThat(forwardedHeaders(result.getResponseBody()).get("x-request-id"))
                .containsExactly(id);
    }

    @Test
    void givesTheGatewaysOwnErrorsARequestIdToo() {
        client.get()
                .uri("/api/v1/members/me")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueMatches("X-Request-Id", "[0-9a-f-]{36}");
        client.get()
                .uri("/api/v1/members/me")
                .header("X-Request-Id", "mine-1")
                .exchange()
                .expectHeader()
                .valueEquals("X-Request-Id", "mine-1");
    }

    private org.springframework.test.web.reactive.server.EntityExchangeResult<byte[]> get(String requestId) {
        return client.get()
                .uri("/api/v1/tiers")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.member("m-" + UUID.randomUUID()))
                .header("X-Request-Id", requestId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();
    }
}
