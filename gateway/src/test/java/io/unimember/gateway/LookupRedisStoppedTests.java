package io.unimember.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.unimember.common.entitlements.CachedViews;
import io.unimember.common.entitlements.StoredView;
import io.unimember.testsupport.TcpProxy;
import io.unimember.testsupport.TestTokens;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Redis goes away while the gateway answers lookups from it: the lookups are still answered, by member-service (here
 * the stub), without an error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LookupRedisStoppedTests {

    private static final String NAMESPACE = "gateway-redis-stopped-" + UUID.randomUUID() + ":member:view:1";
    private static final int REDIS_PORT = freePort();
    private static final TcpProxy redisForGateway =
            TcpProxy.on(REDIS_PORT, TestRedis.host(), TestRedis.port()).start();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        GatewayTestSupport.servicesAt(registry, StubService.shared().uri());
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> REDIS_PORT);
        registry.add(CachedViews.NAMESPACE_PROPERTY, () -> NAMESPACE);
    }

    @AfterAll
    static void stopForwarding() {
        redisForGateway.close();
    }

    @Test
    void lookupsAreAnsweredThroughMemberServiceWhenRedisStops() {
        WebTestClient client = GatewayTestSupport.clientOf(port);
        String member = "m-" + UUID.randomUUID();
        String token = TestTokens.member(member);
        writeLeaseAndView(member);
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    long before = answeredHere();
                    assertThat(status(client, token)).isEqualTo(200);
                    return answeredHere() == before + 1;
                });

        redisForGateway.close();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(status(client, TestTokens.member("m-" + UUID.randomUUID())));
        }
        long answeredBefore = answeredHere();
        statuses.add(status(client, token));

        assertThat(statuses).containsOnly(200);
        assertThat(answeredHere())
                .as("answered by member-service, not from Redis")
                .isEqualTo(answeredBefore);
    }

    private int status(WebTestClient client, String token) {
        return client.get()
                .uri("/api/v1/members/me/entitlements")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .returnResult(byte[].class)
                .getStatus()
                .value();
    }

    private long answeredHere() {
        return meters.get("unimember.gateway.lookup").timer().count();
    }

    /** What member-service would have written: a running lease and the member's view, in the real Redis. */
    private static void writeLeaseAndView(String member) {
        CachedViews keys = new CachedViews(NAMESPACE);
        LettuceConnectionFactory factory = new LettuceConnectionFactory(TestRedis.host(), TestRedis.port());
        factory.afterPropertiesSet();
        try {
            StringRedisTemplate redis = new StringRedisTemplate(factory);
            redis.execute(
                    RedisScript.of(CachedViews.RENEW_LEASE_SCRIPT, Long.class),
                    List.of(keys.meta()),
                    CachedViews.renewArguments("test-writer", 60_000, Set.of("HOTEL"), 1, 600_000, 0)
                            .toArray());
            StoredView view = StoredView.initial(member, new StoredView.TierState("GOLD", "黄金", 10, null, 0, "1.2", 3));
            redis.opsForValue()
                    .set(
                            keys.key(member),
                            CachedViews.view(1, GatewayTestSupport.JSON.writeValueAsString(view)),
                            Duration.ofMinutes(10));
        } finally {
            factory.destroy();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
