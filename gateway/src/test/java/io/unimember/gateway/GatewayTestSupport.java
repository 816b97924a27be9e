package io.unimember.gateway;

import io.unimember.common.entitlements.CachedViews;
import io.unimember.testsupport.TestJwks;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway on a random port in front of {@link StubService} for every service, checking test tokens against
 * test-support's JWK set, rate limiting in the real Redis. Every test class extending this shares one context.
 * Members may burst 5 requests (then 1/s), so tests that are not about limits use a fresh member id each time.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "unimember.gateway.rate-limit.member.replenish-per-second=1",
            "unimember.gateway.rate-limit.member.burst=5",
            "unimember.gateway.rate-limit.client.replenish-per-second=1000",
            "unimember.gateway.rate-limit.client.burst=2000",
            // the production 3 s: a first proxied request on a loaded 2-core box took over 1 s; the stub's /slow takes
            // 5 s
            "unimember.gateway.response-timeout-ms=3000"
        })
abstract class GatewayTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    WebTestClient client;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        servicesAt(registry, StubService.shared().uri());
        registry.add("spring.data.redis.host", TestRedis::host);
        registry.add("spring.data.redis.port", TestRedis::port);
        // the cached entitlement views of this run only (LookupTests writes them as member-service would)
        registry.add(CachedViews.NAMESPACE_PROPERTY, () -> NAMESPACE);
    }

    static final String NAMESPACE = "gateway-tests-" + java.util.UUID.randomUUID() + ":member:view:1";

    /** Every service at one address, and test-support's token issuer. */
    static void servicesAt(DynamicPropertyRegistry registry, String uri) {
        for (String service : List.of("member", "points", "coupon", "tier", "settlement", "insight")) {
            registry.add("unimember.services." + service, () -> uri);
        }
        registry.add("unimember.security.issuer", () -> TestTokens.ISSUER);
        registry.add("unimember.security.jwks-uri", TestJwks::uri);
    }

    /**
     * A client of the gateway on this port, patient enough for a loaded 2-core box: no test waits for the client to
     * give up (the gateway's own 3 s timeout answers a slow service), so this bounds only a hang.
     */
    static WebTestClient clientOf(int port) {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                // the Prometheus page outgrows the default 256 KiB as routes and meters are added
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build();
    }

    @BeforeEach
    void client() {
        client = clientOf(port);
    }

    /** What the stub service received, from its echo. */
    static Map<String, Object> echo(byte[] body) {
        return JSON.readValue(body, new TypeReference<>() {});
    }

    @SuppressWarnings("unchecked")
    static Map<String, List<String>> forwardedHeaders(byte[] body) {
        return (Map<String, List<String>>) echo(body).get("headers");
    }

    static Map<String, Object> problem(byte[] body) {
        return JSON.readValue(body, new TypeReference<>() {});
    }
}
