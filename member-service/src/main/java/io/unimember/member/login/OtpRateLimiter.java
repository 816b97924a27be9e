package io.unimember.member.login;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Counts code requests per phone in Redis, one fixed window per configured limit, checked and counted atomically
 * by a script. If Redis cannot answer, the request is let through and the outage logged: a login must not fail
 * because the limiter is away.
 */
@Component
class OtpRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(OtpRateLimiter.class);

    /** Returns 0 and counts the request if every window has room, else the milliseconds until the fullest clears. */
    private static final RedisScript<Long> ACQUIRE = RedisScript.of(
            """
            for i = 1, #KEYS do
              local limit = tonumber(ARGV[2 * i - 1])
              local count = tonumber(redis.call('GET', KEYS[i]) or '0')
              if count >= limit then
                local ttl = redis.call('PTTL', KEYS[i])
                if ttl < 0 then
                  redis.call('PEXPIRE', KEYS[i], ARGV[2 * i])
                  ttl = tonumber(ARGV[2 * i])
                end
                return ttl
              end
            end
            for i = 1, #KEYS do
              if redis.call('INCR', KEYS[i]) == 1 then
                redis.call('PEXPIRE', KEYS[i], ARGV[2 * i])
              end
            end
            return 0
            """,
            Long.class);

    private final StringRedisTemplate redis;
    private final List<OtpProperties.SendLimit> limits;
    private final FailOpenLog failOpenLog = new FailOpenLog(log, Duration.ofMinutes(1));
    private final Counter failedOpen;

    OtpRateLimiter(StringRedisTemplate redis, OtpProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.limits = List.copyOf(properties.sendLimits());
        this.failedOpen = Counter.builder("member.otp.rate_limit.failed_open")
                .description("code requests let through because Redis could not be asked")
                .register(meters);
    }

    /** Counts a code request for the phone; returns how long to wait, zero if it may go ahead now. */
    Duration acquire(String phoneHash) {
        List<String> keys = new ArrayList<>();
        List<String> args = new ArrayList<>();
        for (int i = 0; i < limits.size(); i++) {
            // the hash tag keeps one phone's windows in one Redis Cluster slot, as a script needs
            keys.add("member:otp:{" + phoneHash + "}:" + i);
            args.add(Integer.toString(limits.get(i).limit()));
            args.add(Long.toString(limits.get(i).window().toMillis()));
        }
        try {
            Long waitMillis = redis.execute(ACQUIRE, keys, args.toArray());
            return waitMillis == null || waitMillis <= 0 ? Duration.ZERO : Duration.ofMillis(waitMillis);
        } catch (RuntimeException e) { // connection refused, timeouts, a failing script: all fail open
            failedOpen.increment();
            failOpenLog.warn("OTP rate limit not applied, Redis unavailable (failing open)", e);
            return Duration.ZERO;
        }
    }
}
