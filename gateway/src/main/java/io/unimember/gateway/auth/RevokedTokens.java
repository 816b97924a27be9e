package io.unimember.gateway.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Access tokens revoked before they expire (their member logged out), by {@code jti}. member-service appends each
 * revocation to the Redis stream {@value #STREAM}; every gateway reads what is new every second into memory, so the
 * check on a request is a map lookup. A logout that passes through this gateway is known here at once. While Redis
 * is away the gateway keeps refusing what it already knows and catches up when Redis returns.
 */
final class RevokedTokens {

    static final String STREAM = "unimember:revoked-tokens";
    private static final int PAGE = 1_000;
    private static final Logger log = LoggerFactory.getLogger(RevokedTokens.class);

    private final ReactiveStringRedisTemplate redis;
    private final ConcurrentHashMap<String, Long> expiryByJti = new ConcurrentHashMap<>();
    private volatile String lastId = "0-0";
    private volatile boolean failing;
    private @Nullable Disposable polling;

    RevokedTokens(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    boolean isRevoked(@Nullable String jti) {
        if (jti == null) {
            return false;
        }
        Long expiry = expiryByJti.get(jti);
        return expiry != null && expiry > System.currentTimeMillis();
    }

    /** A logout this gateway saw succeed. */
    void revoked(String jti, long expiresAtMillis) {
        expiryByJti.put(jti, expiresAtMillis);
    }

    void start(Duration every) {
        polling = Flux.interval(Duration.ZERO, every)
                .onBackpressureDrop()
                .concatMap(tick -> readNew().onErrorResume(this::failed), 1)
                .subscribe();
    }

    void stop() {
        if (polling != null) {
            polling.dispose();
        }
    }

    /** Reads what is new on the stream, page by page, and forgets expired revocations. */
    Mono<Void> readNew() {
        return readPage()
                .expand(read -> read == PAGE ? readPage() : Mono.empty())
                .then(Mono.fromRunnable(() -> {
                    long now = System.currentTimeMillis();
                    expiryByJti.values().removeIf(expiry -> expiry <= now);
                    if (failing) {
                        failing = false;
                        log.info("revoked tokens: Redis answers again; caught up to {}", lastId);
                    }
                }));
    }

    private Mono<Integer> readPage() {
        return redis.opsForStream()
                .read(StreamReadOptions.empty().count(PAGE), StreamOffset.create(STREAM, ReadOffset.from(lastId)))
                .collectList()
                .map(this::remember);
    }

    private int remember(List<MapRecord<String, Object, Object>> records) {
        long now = System.currentTimeMillis();
        for (MapRecord<String, Object, Object> record : records) {
            Map<Object, Object> fields = record.getValue();
            if (fields.get("jti") instanceof String jti && fields.get("expires") instanceof String expires) {
                try {
                    long expiry = Long.parseLong(expires);
                    if (expiry > now) {
                        expiryByJti.put(jti, expiry);
                    }
                } catch (NumberFormatException e) {
                    log.warn("revoked tokens: skipped entry {} with a malformed expiry", record.getId());
                }
            }
            lastId = record.getId().getValue();
        }
        return records.size();
    }

    private Mono<Void> failed(Throwable e) {
        if (!failing) {
            failing = true;
            log.warn(
                    "revoked tokens: cannot read {} from Redis ({}); refusing the {} revocations known, retrying",
                    STREAM,
                    e.toString(),
                    expiryByJti.size());
        }
        return Mono.empty();
    }
}
