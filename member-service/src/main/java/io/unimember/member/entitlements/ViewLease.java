package io.unimember.member.entitlements;

import io.unimember.common.businessunits.BusinessUnits;
import io.unimember.common.entitlements.CachedViews;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This instance's promise to the gateway (decision 0024): while its lease in {@link CachedViews#meta} runs, every change
 * it commits reached Redis first (as a pending mark), so a view read from Redis is never older than a committed change.
 * It is renewed every {@code lease-renew-every} while {@link ViewCache} is healthy, with the scenes and the point value
 * a lookup needs. When a change cannot be marked, the cache {@link #suspend suspends} it and {@link #awaitExpiry} holds
 * that change's commit until the lease has run out in Redis' own time, whatever became of renewals still in flight.
 *
 * <p>Times: a renewal answered at local time {@code ack} made the lease end at Redis time {@code now + lease}, which
 * Redis reaches by local {@code ack + lease}. A renewal carries the latest Redis time at which it may still apply
 * ({@code notAfter}, from the last answer's Redis time plus the time since), so one that never answered ends, at the
 * latest, by local {@code sent + last round trip + timeout + lease}.
 */
@Component
class ViewLease implements SmartLifecycle {

    /**
     * Stopped after the web server and the Kafka listeners (phases near {@link SmartLifecycle#DEFAULT_PHASE}), which make
     * the changes this lease covers, and before the Redis connection factory (phase 0), which the goodbye needs. As a
     * plain destroy callback the goodbye ran after the factory had stopped, failed, and left the lease behind: the
     * gateway then forwarded every lookup until the lease was forgotten, ten minutes later.
     */
    static final int PHASE = 1;

    private static final Logger log = LoggerFactory.getLogger(ViewLease.class);
    private static final RedisScript<Long> RENEW = RedisScript.of(CachedViews.RENEW_LEASE_SCRIPT, Long.class);

    private final StringRedisTemplate redis;
    private final CachedViews keys;
    private final BusinessUnits businessUnits;
    private final EntitlementProperties properties;
    private final long timeoutNanos;
    private final String instance = UUID.randomUUID().toString();

    /** Guarded by {@code this}. */
    private boolean renewing = true;
    /** Guarded by {@code this}: between the context's start and stop. */
    private boolean running;
    /** Local nanos by which Redis' time has passed the end of every lease this instance may have set. */
    private long endsBy = System.nanoTime();
    /** The last answered renewal: the Redis time it returned, when it was answered, its round trip. */
    private long lastRedisMillis = -1;

    private long lastAnswered;
    private long lastRoundTrip;

    ViewLease(
            StringRedisTemplate redis,
            CachedViews keys,
            BusinessUnits businessUnits,
            EntitlementProperties properties,
            @Value("${spring.data.redis.timeout:500ms}") Duration timeout) {
        this.redis = redis;
        this.keys = keys;
        this.businessUnits = businessUnits;
        this.properties = properties;
        this.timeoutNanos = timeout.toNanos();
    }

    @Scheduled(fixedDelayString = "${unimember.entitlements.lease-renew-every:PT0.5S}")
    synchronized void renew() {
        if (!renewing) {
            return;
        }
        if (lastRedisMillis < 0 && !readRedisTime()) {
            return;
        }
        long leaseNanos = properties.lease().toNanos();
        long sent = System.nanoTime();
        long notAfter =
                lastRedisMillis + TimeUnit.NANOSECONDS.toMillis(sent - lastAnswered + lastRoundTrip + timeoutNanos);
        try {
            List<String> args = CachedViews.renewArguments(
                    instance,
                    properties.lease().toMillis(),
                    businessUnits.codes(),
                    properties.fenPerPoint(),
                    properties.leaseForgetAfter().toMillis(),
                    notAfter);
            Long redisNow = redis.execute(RENEW, List.of(keys.meta()), args.toArray());
            long answered = System.nanoTime();
            if (redisNow != null && redisNow >= 0) {
                lastRedisMillis = redisNow;
                lastAnswered = answered;
                lastRoundTrip = answered - sent;
                endsBy = Math.max(endsBy, answered + leaseNanos);
            }
        } catch (RuntimeException e) {
            // it may still apply, until Redis' time passes notAfter
            endsBy = Math.max(endsBy, sent + lastRoundTrip + timeoutNanos + leaseNanos);
            log.debug("could not renew the entitlement view lease: {}", e.toString());
        }
    }

    /** The first renewal's reference: Redis' time, when it was answered, the round trip. */
    private boolean readRedisTime() {
        long sent = System.nanoTime();
        try {
            Long millis = redis.execute((RedisCallback<Long>)
                    connection -> connection.serverCommands().time(TimeUnit.MILLISECONDS));
            if (millis == null) {
                return false;
            }
            lastAnswered = System.nanoTime();
            lastRoundTrip = lastAnswered - sent;
            lastRedisMillis = millis;
            return true;
        } catch (RuntimeException e) {
            log.debug("could not read Redis' time: {}", e.toString());
            return false;
        }
    }

    /** No more renewals until {@link #resume}: the cache could not tell Redis of a change. */
    synchronized void suspend() {
        renewing = false;
    }

    synchronized void resume() {
        renewing = true;
    }

    /** Waits (suspended) until no reader believes Redis on this instance's word any more. */
    void awaitExpiry() {
        long until;
        synchronized (this) {
            renewing = false;
            until = endsBy;
        }
        long left;
        while ((left = until - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    /** This instance's field in the views' hash. */
    String field() {
        return CachedViews.leaseField(instance);
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public synchronized void start() {
        running = true;
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    /** Says goodbye on a clean stop, so the gateway does not wait for this lease to run out. */
    @Override
    public synchronized void stop() {
        running = false;
        renewing = false;
        try {
            redis.opsForHash().delete(keys.meta(), CachedViews.leaseField(instance));
        } catch (RuntimeException e) {
            log.warn(
                    "could not remove the entitlement view lease; gateways forward lookups until it is forgotten: {}",
                    e.toString());
        }
    }
}
