package io.unimember.member.entitlements;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The lookup listener's Redis GET: sent on a connection of its own, made by the application's Lettuce client (same
 * address, credentials and client resources; asked of the factory each time, as a stopped factory drops its client), and answered on that connection's event loop, so no thread waits.
 * Until that connection is open (Redis was away when the service started), a GET goes through the application's
 * {@link StringRedisTemplate} on the blocking executor instead, and the connection is tried again at most once a
 * second. Lettuce reconnects an open connection by itself; a GET that takes longer than {@code timeout} fails.
 */
final class LookupRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LookupRedis.class);
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final LettuceConnectionFactory factory;
    private final StringRedisTemplate template;
    private final Executor blocking;
    private final long timeoutNanos;
    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile @Nullable StatefulRedisConnection<String, String> connection;
    private volatile long nextAttempt = System.nanoTime();

    LookupRedis(LettuceConnectionFactory factory, StringRedisTemplate template, Executor blocking, Duration timeout) {
        this.factory = factory;
        this.template = template;
        this.blocking = blocking;
        this.timeoutNanos = timeout.toNanos();
    }

    /**
     * Opens the connection on the blocking executor, never on the caller's thread: Lettuce waits for a connection
     * without a bound of its own, and one test run saw it wait for good. Until it is open, GETs go the blocking way.
     */
    void connectLater() {
        if (connection != null || !connecting.compareAndSet(false, true)) {
            return;
        }
        blocking.execute(() -> {
            try {
                // the factory's client of now: a stopped factory (a paused test context) makes a new one on start
                if (!(factory.getRequiredNativeClient() instanceof RedisClient client)) {
                    throw new IllegalStateException("not a standalone Redis client");
                }
                connection = client.connect(StringCodec.UTF8);
                log.info("entitlement lookup listener: Redis connection open");
            } catch (RuntimeException e) {
                nextAttempt = System.nanoTime() + RETRY_NANOS;
                log.debug("lookup listener: no Redis connection yet ({}); GETs go through the template", e.toString());
            } finally {
                connecting.set(false);
            }
        });
    }

    CompletionStage<@Nullable String> get(String key) {
        StatefulRedisConnection<String, String> open = connection;
        if (open != null) {
            return open.async().get(key).toCompletableFuture().orTimeout(timeoutNanos, TimeUnit.NANOSECONDS);
        }
        if (System.nanoTime() - nextAttempt >= 0) {
            nextAttempt = System.nanoTime() + RETRY_NANOS;
            connectLater();
        }
        return CompletableFuture.supplyAsync(() -> template.opsForValue().get(key), blocking);
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, String> open = connection;
        connection = null;
        if (open != null) {
            open.close();
        }
    }
}
