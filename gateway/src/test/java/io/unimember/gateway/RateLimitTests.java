package io.unimember.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.testsupport.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** Members may burst 5 requests, then 1 per second (this context's limits), counted in the real Redis. */
class RateLimitTests extends GatewayTestSupport {

    @Test
    void answers429WithRetryAfterOnceAMemberSpendsTheBurst() {
        String token = TestTokens.member("m-" + UUID.randomUUID());
        List<EntityExchangeResult<byte[]>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(call(token));
        }

        assertThat(results.subList(0, 5))
                .allSatisfy(r -> assertThat(r.getStatus().value()).isEqualTo(200));
        EntityExchangeResult<byte[]> limited = results.stream()
                .filter(r -> r.getStatus().value() == 429)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no 429 after 8 requests with a burst of 5"));
        assertThat(Long.parseLong(limited.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)))
                .isBetween(1L, 2L);
        assertThat(limited.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(problem(limited.getResponseBody()))
                .containsEntry("status", 429)
                .containsEntry("code", "RATE_LIMITED");
    }

    @Test
    void limitsEachMemberOnItsOwn() {
        String busy = TestTokens.member("m-" + UUID.randomUUID());
        for (int i = 0; i < 8; i++) {
            call(busy);
        }
        assertThat(call(TestTokens.member("m-" + UUID.randomUUID())).getStatus().value())
                .isEqualTo(200);
    }

    private EntityExchangeResult<byte[]> call(String token) {
        return client.get()
                .uri("/api/v1/members/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectBody()
                .returnResult();
    }
}
