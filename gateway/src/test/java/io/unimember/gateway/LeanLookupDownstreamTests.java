package io.unimember.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.unimember.testsupport.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The lean lookup path with member-service stopped: the same fast 503 problems as the full path, from the same
 * circuit breaker, which opens and then answers without trying the service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeanLookupDownstreamTests {

    private static final String LOOKUP = "/api/v1/members/me/entitlements?scene=HOTEL";

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    WebTestClient client;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        GatewayTestSupport.servicesAt(registry, StubService.stopped());
        registry.add("spring.data.redis.host", TestRedis::host);
        registry.add("spring.data.redis.port", TestRedis::port);
    }

    @BeforeEach
    void client() {
        client = GatewayTestSupport.clientOf(port);
    }

    @Test
    void aStoppedMemberServiceIsAFast503ProblemThenAnOpenCircuit() {
        String token = TestTokens.member("m-" + UUID.randomUUID());
        EntityExchangeResult<byte[]> full = lookup(token);
        double before =
                meters.get("unimember.gateway.lookup.lean").functionCounter().count();

        long start = System.nanoTime();
        EntityExchangeResult<byte[]> lean = lookup(token);
        long millis = (System.nanoTime() - start) / 1_000_000;
        EntityExchangeResult<byte[]> open = null;
        for (int i = 0; i < 8 && open == null; i++) {
            EntityExchangeResult<byte[]> next = lookup(token);
            if (next.getResponseHeaders().containsHeader(HttpHeaders.RETRY_AFTER)) {
                open = next;
            }
        }

        assertThat(meters.get("unimember.gateway.lookup.lean").functionCounter().count())
                .isGreaterThan(before);
        assertThat(millis).isLessThan(1000);
        for (EntityExchangeResult<byte[]> answer : List.of(full, lean)) {
            assertThat(answer.getStatus().value()).isEqualTo(503);
            assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        Map<String, Object> fullProblem = GatewayTestSupport.problem(full.getResponseBody());
        Map<String, Object> leanProblem = GatewayTestSupport.problem(lean.getResponseBody());
        assertThat(leanProblem.get("code")).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(leanProblem.get("detail")).isEqualTo(fullProblem.get("detail"));
        assertThat(leanProblem.get("traceId"))
                .isEqualTo(lean.getResponseHeaders().getFirst("X-Request-Id"));
        assertThat(open).as("the breaker opens after a few failed calls").isNotNull();
        assertThat(GatewayTestSupport.problem(open.getResponseBody())
                        .get("detail")
                        .toString())
                .contains("circuit open");
    }

    private EntityExchangeResult<byte[]> lookup(String token) {
        return client.get()
                .uri(LOOKUP)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectBody()
                .returnResult();
    }
}
