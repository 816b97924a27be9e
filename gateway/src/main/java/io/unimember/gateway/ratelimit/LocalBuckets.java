package io.unimember.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets in this gateway's memory, for members: a member looks up a few times a minute, from one app, so a
 * per-instance bucket of the limit divided by the number of gateways holds them to it about as well as a shared one,
 * and costs no Redis round trip on the hottest path (the entitlement lookup). Clients (a BU's checkout, a merchant's
 * POS fleet) spread much more traffic over every gateway and keep their shared buckets in Redis ({@link
 * TokenBuckets}).
 *
 * <p>A bucket that has refilled to full is the same as no bucket, so full buckets are dropped every {@code
 * SWEEP_NANOS}: the map holds only members active in the last seconds. If it still grows past {@code maxEntries}
 * (a flood of distinct members), it is emptied: limits restart from full buckets rather than the gateway run out of
 * memory.
 */
final class LocalBuckets {

    private static final long SWEEP_NANOS = 10_000_000_000L;

    private final double perNano;
    private final double burst;
    private final int maxEntries;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    /** A limit shared by {@code instances} gateways: each allows its share, rounded up, at least one request. */
    LocalBuckets(RateLimitProperties.Limit limit, int instances, int maxEntries, LongSupplier nanoClock) {
        int share = Math.max(1, instances);
        this.perNano = Math.max(1.0, (double) limit.replenishPerSecond() / share) / 1e9;
        this.burst = Math.max(1, (limit.burst() + share - 1) / share);
        this.maxEntries = maxEntries;
        this.clock = nanoClock;
        this.lastSweep = nanoClock.getAsLong();
    }

    /** Takes a token from {@code key}'s bucket if there is one. */
    TokenBuckets.Decision take(String key) {
        long now = clock.getAsLong();
        if (now - lastSweep > SWEEP_NANOS) {
            sweep(now);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        long waitNanos = bucket.take(now, perNano, burst);
        return waitNanos == 0
                ? TokenBuckets.ALLOWED
                : new TokenBuckets.Decision(false, Math.max(1, (waitNanos + 999_999) / 1_000_000));
    }

    int size() {
        return buckets.size();
    }

    private synchronized void sweep(long now) {
        if (now - lastSweep <= SWEEP_NANOS) {
            return; // another thread swept meanwhile
        }
        lastSweep = now;
        buckets.values().removeIf(b -> b.fullAt(now, perNano, burst));
        if (buckets.size() > maxEntries) {
            buckets.clear();
        }
    }

    private static final class Bucket {

        private double tokens;
        private long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }

        /** 0 when a token was taken, else how many nanoseconds until one will be there. */
        synchronized long take(long now, double perNano, double burst) {
            refill(now, perNano, burst);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano));
        }

        synchronized boolean fullAt(long now, double perNano, double burst) {
            refill(now, perNano, burst);
            return tokens >= burst;
        }

        private void refill(long now, double perNano, double burst) {
            if (now > updated) {
                tokens = Math.min(burst, tokens + (now - updated) * perNano);
                updated = now;
            }
        }
    }
}
