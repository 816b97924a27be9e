package io.unimember.member.entitlements;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link LookupListener} on {@code unimember.entitlements.listener.port} (0: any free port), bound to
 * {@code unimember.entitlements.listener.host}; no port, no listener. Needs Lettuce (a standalone Redis client).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("unimember.entitlements.listener.port")
class LookupListenerConfiguration {

    @Bean
    LookupListener lookupListener(
            @Value("${unimember.entitlements.listener.host:0.0.0.0}") String host,
            @Value("${unimember.entitlements.listener.port}") int port,
            @Value("${spring.data.redis.timeout:500ms}") Duration redisTimeout,
            JwtDecoder tokens,
            Entitlements entitlements,
            JsonMapper json,
            RedisConnectionFactory connections,
            StringRedisTemplate template,
            MeterRegistry meters) {
        if (!(connections instanceof LettuceConnectionFactory lettuce)) {
            throw new IllegalStateException(
                    "the entitlement lookup listener needs Lettuce (a standalone Redis client); set no"
                            + " unimember.entitlements.listener.port to run without it");
        }
        // MySQL reads (Redis away, a view not cached yet) and the first GETs before Redis answers
        ExecutorService blocking = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("lookup-blocking-", 0).factory());
        LookupRedis redis = new LookupRedis(LookupRedis.Address.of(lettuce), template, blocking, redisTimeout);
        return new LookupListener(host, port, tokens, entitlements, json, redis, blocking, meters);
    }
}
