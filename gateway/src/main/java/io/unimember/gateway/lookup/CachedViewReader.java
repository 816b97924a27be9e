package io.unimember.gateway.lookup;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.unimember.common.entitlements.CachedViews;
import io.unimember.common.entitlements.StoredView;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads member-service's cached entitlement views from Redis (decision 0024), through Lettuce's reactive API on one
 * shared connection, and believes one only while member-service's leases run ({@link CachedViews}): the hash of
 * leases, scenes and point value is read every {@code metaEvery} on a thread of its own; each lookup is one GET.
 *
 * <p>A view is parsed once per version and kept for the member's next lookups (at most {@code maxParsed} members).
 * Anything this reader cannot answer — the leases not running, Redis away or slow, nothing cached, a change
 * committing — is an empty answer, and the lookup goes to member-service.
 */
final class CachedViewReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CachedViewReader.class);
    /** Believe a lease this much less than it says: clocks of different machines run at slightly different rates. */
    private static final long MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Supplier<RedisClient> client;
    private final CachedViews keys;
    private final JsonMapper json;
    private final Duration timeout;
    private final int maxParsed;
    private final ScheduledExecutorService metaReads;
    private final ConcurrentHashMap<String, Parsed> parsed = new ConcurrentHashMap<>();
    private volatile @Nullable StatefulRedisConnection<String, String> connection;
    /** The client that made {@code connection} (only the meta thread touches it). */
    private @Nullable RedisClient connectedBy;

    private volatile Trust trust = new Trust(Set.of(), 1, System.nanoTime());

    /** What the last read of the hash said; {@code untilNanos}: when to stop believing views. */
    record Trust(Set<String> scenes, long fenPerPoint, long untilNanos) {

        boolean running(long now) {
            return now - untilNanos < 0;
        }
    }

    /** A view the lookup may render, and what a point is worth. */
    record Found(StoredView view, long fenPerPoint) {}

    private record Parsed(long version, StoredView view) {}

    CachedViewReader(
            Supplier<RedisClient> client,
            CachedViews keys,
            JsonMapper json,
            Duration timeout,
            Duration metaEvery,
            int maxParsed) {
        this.client = client;
        this.keys = keys;
        this.json = json;
        this.timeout = timeout;
        this.maxParsed = maxParsed;
        this.metaReads = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("lookup-view-trust").daemon().factory());
        metaReads.scheduleWithFixedDelay(this::readMeta, 0, metaEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether a scene may be answered here (a BU code member-service knows) while the leases run. */
    boolean answersScene(@Nullable String scene) {
        Trust now = trust;
        return now.running(System.nanoTime()) && (scene == null || now.scenes().contains(scene));
    }

    /** The member's view from Redis, or empty: ask member-service. */
    Mono<Found> view(String memberId) {
        Trust before = trust;
        StatefulRedisConnection<String, String> redis = connection;
        if (redis == null || !before.running(System.nanoTime())) {
            return Mono.empty();
        }
        return redis.reactive()
                .get(keys.key(memberId))
                // bounded by the connection's own command timeout (set when it is made): no second timer per GET
                .onErrorResume(e -> Mono.empty())
                .mapNotNull(value -> {
                    // believed only if the leases still ran when Redis answered
                    Trust after = trust;
                    if (!after.running(System.nanoTime())
                            || !(CachedViews.parse(value) instanceof CachedViews.Value.View cached)) {
                        return null;
                    }
                    return new Found(parse(memberId, cached), after.fenPerPoint());
                });
    }

    private StoredView parse(String memberId, CachedViews.Value.View cached) {
        Parsed known = parsed.get(memberId);
        if (known != null && known.version() == cached.version()) {
            return known.view();
        }
        StoredView view = json.readValue(cached.json(), StoredView.class);
        if (parsed.size() >= maxParsed) {
            parsed.clear();
        }
        parsed.put(memberId, new Parsed(cached.version(), view));
        return view;
    }

    /** Reads the hash; on failure the last trust stands until it runs out by itself. */
    private void readMeta() {
        try {
            StatefulRedisConnection<String, String> redis = connected();
            long sent = System.nanoTime();
            List<Object> answer = redis.sync().eval(CachedViews.READ_META_SCRIPT, ScriptOutputType.MULTI, keys.meta());
            CachedViews.Meta meta = CachedViews.Meta.of(answer);
            trust = new Trust(meta.scenes(), meta.fenPerPoint(), sent + meta.trustedForNanos() - MARGIN_NANOS);
        } catch (RuntimeException e) {
            log.debug("could not read the entitlement views' leases: {}", e.toString());
        }
    }

    /**
     * The shared connection, made anew when the connection factory has a new client (it was stopped and started again,
     * as a paused test context is, which shuts the old client down). While Lettuce reconnects after a blip it stays.
     */
    private StatefulRedisConnection<String, String> connected() {
        RedisClient now = client.get();
        StatefulRedisConnection<String, String> current = connection;
        if (current != null && now != connectedBy) {
            connection = null;
            current.closeAsync();
            current = null;
        }
        if (current == null) {
            current = now.connect(StringCodec.UTF8);
            current.setTimeout(timeout);
            connectedBy = now;
            connection = current;
        }
        return current;
    }

    @Override
    public void close() {
        metaReads.shutdownNow();
        StatefulRedisConnection<String, String> current = connection;
        connection = null;
        if (current != null) {
            current.closeAsync();
        }
    }
}
