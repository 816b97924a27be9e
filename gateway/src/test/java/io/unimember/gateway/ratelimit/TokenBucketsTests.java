package io.unimember.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.unimember.testsupport.TcpProxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** The bucket script against real Redis, and failing open (with one log line) when Redis is not there. */
@ExtendWith(OutputCaptureExtension.class)
class TokenBucketsTests {

    private LettuceConnectionFactory factory;
    private TokenBuckets buckets;

    @AfterEach
    void close() {
        buckets.close();
        factory.destroy();
    }

    @Test
    void spendsTheBurstThenRefusesWithTheWaitUntilTheNextToken() {
        TokenBuckets buckets = buckets(redisPort());
        String key = "gw:rl:{test:" + UUID.randomUUID() + "}";
        String[] oneInTenSecondsBurstThree = {"0.1", "3"};

        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take(key, oneInTenSecondsBurstThree).block().allowed())
                    .isTrue();
        }
        Decision refused = buckets.take(key, oneInTenSecondsBurstThree).block();

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterMillis()).isBetween(1L, 10_000L);
    }

    @Test
    void letsEverythingThroughWhenRedisIsDownAndLogsItOnce(CapturedOutput output) throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        TokenBuckets buckets = buckets(closed);

        for (int i = 0; i < 50; i++) {
            assertThat(buckets.take("gw:rl:{x}", new String[] {"1", "1"})
                            .block()
                            .allowed())
                    .isTrue();
        }

        assertThat(output.getAll().split("Redis is unavailable for rate limits", -1))
                .hasSize(2);
    }

    @Test
    void limitsAgainOnceRedisIsBack(CapturedOutput output) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        TokenBuckets buckets = buckets(port, Duration.ofMillis(200));
        String key = "gw:rl:{test:" + UUID.randomUUID() + "}";
        String[] oneInTenSecondsBurstOne = {"0.1", "1"};
        assertThat(buckets.take(key, oneInTenSecondsBurstOne).block().allowed()).isTrue(); // Redis away

        try (TcpProxy redis = TcpProxy.on(port, redisHost(), redisPort()).start()) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            !buckets.take(key, oneInTenSecondsBurstOne).block().allowed());
            assertThat(output.getAll()).contains("Redis is back; rate limits apply again");
        }
    }

    private TokenBuckets buckets(int port) {
        return buckets(port, Duration.ofSeconds(30));
    }

    private TokenBuckets buckets(int port, Duration retry) {
        factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(redisHost(), port),
                LettuceClientConfiguration.builder()
                        .commandTimeout(Duration.ofSeconds(2))
                        .build());
        factory.afterPropertiesSet();
        buckets = new TokenBuckets(
                () -> (RedisClient) factory.getRequiredNativeClient(),
                new RateLimitProperties(
                        true,
                        new RateLimitProperties.Limit(1, 1, RateLimitProperties.Store.REDIS),
                        new RateLimitProperties.Limit(1, 1, RateLimitProperties.Store.REDIS),
                        // not production's 250 ms: a first call (connection, script load) on a loaded box can take
                        // longer, and a take that times out passes unlimited; Redis away here is a refused connection
                        Duration.ofSeconds(5),
                        retry,
                        Duration.ofMinutes(1),
                        1,
                        1000));
        return buckets;
    }

    private static String redisHost() {
        String host = System.getenv("UNIMEMBER_TEST_REDIS_HOST");
        return host == null || host.isBlank() ? "127.0.0.1" : host;
    }

    private static int redisPort() {
        String port = System.getenv("UNIMEMBER_TEST_REDIS_PORT");
        return port == null || port.isBlank() ? 6379 : Integer.parseInt(port);
    }
}
