package io.unimember.member.entitlements;

import io.unimember.common.entitlements.CachedViews;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Redis copy of each member's view, which must never be older than the last applied event; the gateway reads it
 * too (decision 0024).
 *
 * <p>A cached value is {@code R|<rowVersion>|<json>} (the view) or {@code P|<rowVersion>} (a change to that version
 * is committing: read MySQL), at {@link CachedViews#key}. Every write is a compare-and-set on the version, so a slow writer or a reader's refill
 * never replaces a newer value. A change marks the key pending before its transaction commits and writes the view
 * after; if Redis cannot be told, the member goes on a repair queue in MySQL and this instance stops reading Redis
 * until {@link CacheRepair} has rewritten every queued member.
 *
 * <p>States: HEALTHY (read and write Redis), DEGRADED (neither: changes are queued for repair), RECOVERING (Redis
 * answers again: changes write through, lookups still read MySQL until the changes queued while degraded, including
 * ones still committing, are all rewritten).
 */
@Component
class ViewCache {

    private static final Logger log = LoggerFactory.getLogger(ViewCache.class);

    private static final RedisScript<Long> SET_IF_NEWER = RedisScript.of(CachedViews.SET_IF_NEWER_SCRIPT, Long.class);

    private final StringRedisTemplate redis;
    private final CachedViews keys;
    private final RepairQueue repairs;
    private final ViewLease lease;
    private final TransactionTemplate separateTransaction;
    private final EntitlementProperties properties;
    private final Clock clock;
    private final AtomicReference<State> state = new AtomicReference<>(State.HEALTHY);
    /** Changes queued for repair whose transactions have not finished: recovery waits for them. */
    private final AtomicInteger queuingNow = new AtomicInteger();

    enum State {
        HEALTHY,
        DEGRADED,
        RECOVERING
    }

    ViewCache(
            StringRedisTemplate redis,
            CachedViews keys,
            RepairQueue repairs,
            ViewLease lease,
            TransactionTemplate tx,
            EntitlementProperties properties,
            Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.repairs = repairs;
        this.lease = lease;
        this.separateTransaction = new TransactionTemplate(
                Objects.requireNonNull(tx.getTransactionManager(), "the transaction template has no manager"));
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.clock = clock;
    }

    sealed interface Read {
        record Hit(long version, String json) implements Read {}

        /** Not cached, being replaced, or Redis is away: ask MySQL. */
        record Miss(boolean refillable) implements Read {}
    }

    /** One GET. */
    Read get(String memberId) {
        if (state.get() != State.HEALTHY) {
            return new Read.Miss(false);
        }
        String value;
        try {
            value = redis.opsForValue().get(keys.key(memberId));
        } catch (RuntimeException e) {
            markDegraded(e);
            return new Read.Miss(false);
        }
        return read(value);
    }

    private static Read read(@Nullable String value) {
        return CachedViews.parse(value) instanceof CachedViews.Value.View view
                ? new Read.Hit(view.version(), view.json())
                : new Read.Miss(true);
    }

    /** A reader puts back what it read from MySQL; loses to anything newer. Best effort. */
    void refill(String memberId, long version, String json) {
        if (state.get() != State.HEALTHY) {
            return;
        }
        try {
            setIfNewer(memberId, "R", version, json);
        } catch (RuntimeException e) {
            markDegraded(e);
        }
    }

    /**
     * Called inside the transaction that changes the member's row to {@code version}: marks the key pending now,
     * writes the view after commit. When Redis cannot be told, the member is queued for repair: in this transaction
     * if the mark failed, in a new one if the write after commit failed. A change Redis could not be told of waits,
     * before it commits, until this instance's lease has run out ({@link ViewLease}): from then on the gateway reads
     * no view from Redis, so it cannot serve the one this change replaces.
     */
    void replaceAfterCommit(String memberId, long version, String json) {
        if (!markPending(memberId, version)) {
            queuingNow.incrementAndGet();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    queuingNow.decrementAndGet();
                }
            });
            repairs.add(memberId, version, clock.instant());
            lease.awaitExpiry();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (!put(memberId, version, json)) {
                    separateTransaction.executeWithoutResult(s -> repairs.add(memberId, version, clock.instant()));
                }
            }
        });
    }

    /** Writes the view unless Redis holds a newer one; false if Redis could not be asked. */
    boolean put(String memberId, long version, String json) {
        try {
            setIfNewer(memberId, "R", version, json);
            return true;
        } catch (RuntimeException e) {
            markDegraded(e);
            return false;
        }
    }

    State state() {
        return state.get();
    }

    /** Whether changes queued while degraded may still be committing. */
    boolean queuing() {
        return queuingNow.get() > 0;
    }

    /** Whether Redis answers now. */
    boolean ping() {
        try {
            return "PONG".equalsIgnoreCase(redis.execute((org.springframework.data.redis.core.RedisCallback<String>)
                    connection -> connection.ping()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    void markRecovering() {
        state.compareAndSet(State.DEGRADED, State.RECOVERING);
    }

    void markHealthy() {
        if (state.compareAndSet(State.RECOVERING, State.HEALTHY)) {
            lease.resume();
            log.info("Redis is back and repaired: entitlement lookups read the cache again");
        }
    }

    void markDegraded(RuntimeException cause) {
        lease.suspend();
        if (state.getAndSet(State.DEGRADED) != State.DEGRADED) {
            log.warn("Redis unavailable, entitlement lookups answer from MySQL until it is back: {}", cause.toString());
        }
    }

    private boolean markPending(String memberId, long version) {
        if (state.get() == State.DEGRADED) {
            return false;
        }
        try {
            setIfNewer(memberId, "P", version, "");
            return true;
        } catch (RuntimeException e) {
            markDegraded(e);
            return false;
        }
    }

    private void setIfNewer(String memberId, String kind, long version, String json) {
        long ttl = ("R".equals(kind) ? properties.cacheTtl() : properties.pendingTtl()).toMillis();
        redis.execute(
                SET_IF_NEWER, List.of(keys.key(memberId)), kind, Long.toString(version), Long.toString(ttl), json);
    }
}
