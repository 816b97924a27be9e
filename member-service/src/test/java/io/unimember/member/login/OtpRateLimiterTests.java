package io.unimember.member.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unimember.testsupport.TestInfrastructure;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** The send limits against real Redis: every window applies, and Redis away lets the request through, counted. */
class OtpRateLimiterTests {

    private static final OtpProperties TWO_A_MINUTE_THREE_AN_HOUR = new OtpProperties(
            Duration.ofMinutes(5),
            List.of(
                    new OtpProperties.SendLimit(2, Duration.ofMinutes(1)),
                    new OtpProperties.SendLimit(3, Duration.ofHours(1))),
            5,
            Duration.ofMinutes(15),
            null);

    @Test
    void theTightestWindowRefusesWithTheWaitUntilItEnds() {
        LettuceConnectionFactory factory = factory(
                TestInfrastructure.get().redisHost(), TestInfrastructure.get().redisPort());
        OtpRateLimiter limiter = limiter(factory, new SimpleMeterRegistry());
        String phone = "test-" + UUID.randomUUID();
        try {
            assertThat(limiter.acquire(phone)).isZero();
            assertThat(limiter.acquire(phone)).isZero();
            Duration wait = limiter.acquire(phone);
            assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        } finally {
            limiter.destroy();
            factory.destroy();
        }
    }

    @Test
    void withRedisAwayEveryRequestGoesThroughAndIsCounted() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        LettuceConnectionFactory factory = factory("127.0.0.1", closed);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OtpRateLimiter limiter = limiter(factory, meters);
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(limiter.acquire("test-away")).isZero();
            }
            assertThat(meters.get("member.otp.rate_limit.failed_open").counter().count())
                    .isEqualTo(5);
        } finally {
            limiter.destroy();
            factory.destroy();
        }
    }

    private static OtpRateLimiter limiter(LettuceConnectionFactory factory, SimpleMeterRegistry meters) {
        return new OtpRateLimiter(factory, TWO_A_MINUTE_THREE_AN_HOUR, meters, Duration.ofMillis(500));
    }

    private static LettuceConnectionFactory factory(String host, int port) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port));
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }
}
