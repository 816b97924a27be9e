package io.unimember.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.testsupport.TestJwks;
import io.unimember.testsupport.TestTokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway with Redis down (a closed port) and every service but member-service stopped: traffic still flows
 * where it can, and a stopped service costs the caller a fast 503, never a hang.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "unimember.gateway.rate-limit.member.replenish-per-second=1",
            "unimember.gateway.rate-limit.member.burst=2",
            // this class is about Redis going away: the members' buckets are kept there, as clients' are by default
            "unimember.gateway.rate-limit.member.store=redis",
        })
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DegradationTests {

    @LocalServerPort
    int port;

    WebTestClient client;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        registry.add("unimember.services.member", () -> StubService.shared().uri());
        for (String service : List.of("points", "coupon", "tier", "settlement")) {
            String stopped = StubService.stopped();
            registry.add("unimember.services." + service, () -> stopped);
        }
        String noRedis = StubService.stopped();
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> noRedis.substring(noRedis.lastIndexOf(':') + 1));
        registry.add("unimember.security.issuer", () -> TestTokens.ISSUER);
        registry.add("unimember.security.jwks-uri", TestJwks::uri);
    }

    @BeforeEach
    void client() {
        client = GatewayTestSupport.clientOf(port);
    }

    @Test
    @Order(1) // first, so the outage's one log line falls within this test
    void letsTrafficThroughWhenRedisIsDownAndSaysSoOnce(CapturedOutput output) {
        String token = TestTokens.member("m-" + UUID.randomUUID());
        for (int i = 0; i < 10; i++) { // five times the burst
            client.get()
                    .uri("/api/v1/members/me")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        assertThat(output.getAll().split("Redis is unavailable for rate limits", -1))
                .hasSize(2);
    }

    @Test
    void answersAStoppedServiceWithA503ProblemInUnderASecond() {
        String token = TestTokens.bu("HOTEL");
        List<String> paths = List.of("/api/v1/bu/orders", "/api/v1/settlement/periods/2026-01/statements");
        // warm each path up once (the token verified, each route's client and breaker made), so what is timed is
        // the answer to a stopped service, not a first request on a loaded box; two calls a service open no breaker
        paths.forEach(path -> call(path, token).expectStatus().isEqualTo(503));
        for (String path : paths) {
            long start = System.nanoTime();
            call(path, token)
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("SERVICE_UNAVAILABLE");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
        }
    }

    @Test
    void opensTheCircuitSoCallsAreRefusedWithoutTryingTheService() {
        String token = TestTokens.bu("HOTEL");
        for (int i = 0; i < 6; i++) {
            call("/api/v1/bu/coupons/grants", token).expectStatus().isEqualTo(503);
        }
        call("/api/v1/bu/coupons/grants", token)
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("circuit open"));
    }

    @Test
    void staysHealthyWithRedisDown() {
        client.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    private WebTestClient.ResponseSpec call(String path, String token) {
        return client.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }
}
