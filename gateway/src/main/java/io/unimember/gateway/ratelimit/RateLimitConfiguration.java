package io.unimember.gateway.ratelimit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** Rate limits in Redis, on unless {@code unimember.gateway.rate-limit.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "unimember.gateway.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

    @Bean(destroyMethod = "close")
    TokenBuckets tokenBuckets(LettuceConnectionFactory redis, RateLimitProperties properties) {
        return new TokenBuckets(() -> (RedisClient) redis.getRequiredNativeClient(), properties);
    }

    @Bean
    RateLimitFilter rateLimitFilter(TokenBuckets buckets, RateLimitProperties properties) {
        return new RateLimitFilter(buckets, properties);
    }

    /**
     * While Redis is unreachable, Lettuce would queue commands until they time out; rejected at once instead, a
     * request pays nothing for the outage.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer rejectWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
