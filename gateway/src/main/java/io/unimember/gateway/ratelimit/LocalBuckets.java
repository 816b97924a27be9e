package io.unimember.gateway.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets in this gateway's memory, for members: a member looks up a few times a minute, from one app, so a
 * per-instance bucket of the limit divided by the number of gateways holds them to it about as well as a shared one,
 * and costs no Redis round trip on the hottest path (the entitlement lookup). Clients (a BU's checkout, a merchant's
 * POS fleet) spread much more traffic over every gateway and keep their shared buckets in Redis ({@link
 * TokenBuckets}). The buckets are Bucket4j's lock-free local ones.
 *
 * <p>A bucket that has refilled to full is the same as no bucket, so full buckets are dropped every {@code
 * SWEEP_NANOS}: the map holds only members active in the last seconds. If it still grows past {@code maxEntries}
 * (a flood of distinct members), it is emptied: limits restart from full buckets rather than the gateway run out of
 * memory.
 */
final class LocalBuckets {

    private static final long SWEEP_NANOS = 10_000_000_000L;

    private final BucketConfiguration limit;
    private final long capacity;
    private final int maxEntries;
    private final LongSupplier clock;
    private final TimeMeter time;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    /** A limit shared by {@code instances} gateways: each allows its share ({@link RateLimitProperties.Limit#share}). */
    LocalBuckets(RateLimitProperties.Limit limit, int instances, int maxEntries, LongSupplier nanoClock) {
        this.limit = limit.share(instances);
        this.capacity = this.limit.getBandwidths()[0].getCapacity();
        this.maxEntries = maxEntries;
        this.clock = nanoClock;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanoClock.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        this.lastSweep = nanoClock.getAsLong();
    }

    /** Takes a token from {@code key}'s bucket if there is one. */
    Decision take(String key) {
        long now = clock.getAsLong();
        if (now - lastSweep > SWEEP_NANOS) {
            sweep(now);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                .withCustomTimePrecision(time)
                .addLimit(limit.getBandwidths()[0])
                .build());
        return Decision.of(bucket.tryConsumeAndReturnRemaining(1));
    }

    int size() {
        return buckets.size();
    }

    private synchronized void sweep(long now) {
        if (now - lastSweep <= SWEEP_NANOS) {
            return; // another thread swept meanwhile
        }
        lastSweep = now;
        buckets.values().removeIf(b -> b.getAvailableTokens() >= capacity);
        if (buckets.size() > maxEntries) {
            buckets.clear();
        }
    }
}
