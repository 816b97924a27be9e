package io.unimember.member.login;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Limits code requests per phone with one Bucket4j bucket in Redis, a bandwidth per configured send limit (each a
 * fixed window: its codes come back all at once when the window ends). If Redis cannot answer, the request is let
 * through and the outage logged: a login must not fail because the limiter is away.
 */
@Component
class OtpRateLimiter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OtpRateLimiter.class);

    private final LettuceConnectionFactory factory;
    private final Duration timeout;
    private final BucketConfiguration limits;
    private final FailOpenLog failOpenLog = new FailOpenLog(log, Duration.ofMinutes(1));
    private final Counter failedOpen;
    private @Nullable Connected connected;

    private record Connected(StatefulRedisConnection<String, byte[]> redis, ProxyManager<String> buckets) {}

    OtpRateLimiter(
            LettuceConnectionFactory factory,
            OtpProperties properties,
            MeterRegistry meters,
            @Value("${spring.data.redis.timeout:500ms}") Duration timeout) {
        this.factory = factory;
        this.timeout = timeout;
        ConfigurationBuilder limits = BucketConfiguration.builder();
        for (OtpProperties.SendLimit send : properties.sendLimits()) {
            limits.addLimit(limit -> limit.capacity(send.limit()).refillIntervally(send.limit(), send.window()));
        }
        this.limits = limits.build();
        this.failedOpen = Counter.builder("member.otp.rate_limit.failed_open")
                .description("code requests let through because Redis could not be asked")
                .register(meters);
    }

    /** Counts a code request for the phone; returns how long to wait, zero if it may go ahead now. */
    Duration acquire(String phoneHash) {
        try {
            ConsumptionProbe probe = buckets()
                    .builder()
                    // the hash tag keeps the phone's bucket in one Redis Cluster slot
                    .build("member:otp:{" + phoneHash + "}", () -> limits)
                    .tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
        } catch (RuntimeException e) { // connection refused, timeouts: all fail open, and connect afresh next time
            disconnect();
            failedOpen.increment();
            failOpenLog.warn("OTP rate limit not applied, Redis unavailable (failing open)", e);
            return Duration.ZERO;
        }
    }

    private synchronized ProxyManager<String> buckets() {
        Connected current = connected;
        if (current == null || !current.redis().isOpen()) {
            StatefulRedisConnection<String, byte[]> redis = ((RedisClient) factory.getRequiredNativeClient())
                    .connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            redis.setTimeout(timeout);
            current = new Connected(
                    redis,
                    Bucket4jLettuce.casBasedBuilder(redis)
                            .requestTimeout(timeout)
                            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                    Duration.ofSeconds(1)))
                            .build());
            connected = current;
        }
        return current.buckets();
    }

    private synchronized void disconnect() {
        if (connected != null) {
            connected.redis().closeAsync();
            connected = null;
        }
    }

    @Override
    public void destroy() {
        disconnect();
    }
}
