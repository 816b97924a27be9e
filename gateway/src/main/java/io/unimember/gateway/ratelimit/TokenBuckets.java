package io.unimember.gateway.ratelimit;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Token buckets kept in Redis (one Lua call per request, atomic across gateway instances), failing open: when Redis
 * errors, requests pass and Redis is left alone for {@code redisRetryInterval}, and the outage is logged once, then
 * at most every {@code outageLogInterval} with how many requests went through unlimited.
 */
final class TokenBuckets {

    private static final Logger log = LoggerFactory.getLogger(TokenBuckets.class);
    static final Decision ALLOWED = new Decision(true, 0);
    private static final Mono<Decision> PASS = Mono.just(ALLOWED);

    private final ReactiveStringRedisTemplate redis;
    private final RedisScript<List<Long>> script;
    private final long retryNanos;
    private final long logEveryNanos;
    private volatile long bypassUntil;
    private volatile boolean down;
    private volatile long lastLog;
    private final AtomicLong unlimited = new AtomicLong();

    /** Whether a request may go on, and if not, in how many milliseconds it could. */
    record Decision(boolean allowed, long retryAfterMillis) {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    TokenBuckets(ReactiveStringRedisTemplate redis, RateLimitProperties properties) {
        this.redis = redis;
        this.script = (RedisScript<List<Long>>) (RedisScript)
                RedisScript.of(new ClassPathResource("io/unimember/gateway/ratelimit/token-bucket.lua"), List.class);
        this.retryNanos = properties.redisRetryInterval().toNanos();
        this.logEveryNanos = properties.outageLogInterval().toNanos();
    }

    /** Takes a token from the bucket {@code key} that refills as {@code limit} (as script arguments) says. */
    Mono<Decision> take(String key, List<String> limit) {
        if (down && System.nanoTime() - bypassUntil < 0) {
            unlimited.incrementAndGet();
            return PASS;
        }
        return redis.execute(script, List.of(key), limit)
                .next()
                .map(TokenBuckets::decision)
                .doOnNext(d -> recovered())
                .onErrorResume(e -> {
                    failed(e);
                    return PASS;
                })
                .defaultIfEmpty(ALLOWED);
    }

    private static Decision decision(List<Long> reply) {
        return reply.get(0) == 1L ? ALLOWED : new Decision(false, reply.get(1));
    }

    private void failed(Throwable e) {
        long now = System.nanoTime();
        bypassUntil = now + retryNanos;
        unlimited.incrementAndGet();
        boolean first = !down;
        down = true;
        if (first || now - lastLog > logEveryNanos) {
            lastLog = now;
            log.warn(
                    "Redis is unavailable for rate limits; letting traffic through unlimited ({} requests so far): {}",
                    unlimited.get(),
                    e.toString());
        }
    }

    private void recovered() {
        if (down) {
            down = false;
            log.info("Redis is back; rate limits apply again after {} unlimited requests", unlimited.getAndSet(0));
        }
    }
}
