package io.unimember.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalBucketsTests {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(5 * SECOND);

    private LocalBuckets buckets(int rate, int burst, int instances, int maxEntries) {
        return new LocalBuckets(
                new RateLimitProperties.Limit(rate, burst, RateLimitProperties.Store.LOCAL),
                instances,
                maxEntries,
                now::get);
    }

    @Test
    void allowsTheBurstThenRefusesWithTheWaitUntilTheNextToken() {
        LocalBuckets buckets = buckets(2, 3, 1, 100);
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("m-1").allowed()).isTrue();
        }
        Decision refused = buckets.take("m-1");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterMillis()).isEqualTo(500); // 2 per second: one token every 500 ms

        now.addAndGet(SECOND / 2);
        assertThat(buckets.take("m-1").allowed()).isTrue();
        assertThat(buckets.take("m-1").allowed()).isFalse();
    }

    @Test
    void keepsEachCallerApartAndRefillsNoHigherThanTheBurst() {
        LocalBuckets buckets = buckets(1, 2, 1, 100);
        buckets.take("m-1");
        buckets.take("m-1");
        assertThat(buckets.take("m-1").allowed()).isFalse();
        assertThat(buckets.take("m-2").allowed()).isTrue();

        now.addAndGet(60 * SECOND); // a minute idle refills to the burst, not to 60
        int allowed = 0;
        for (int i = 0; i < 10; i++) {
            allowed += buckets.take("m-1").allowed() ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(2);
    }

    @Test
    void eachOfSeveralGatewaysAllowsItsShareRoundedUp() {
        LocalBuckets buckets = buckets(20, 40, 3, 100); // 40 / 3 -> 14 each
        int allowed = 0;
        for (int i = 0; i < 40; i++) {
            allowed += buckets.take("m-1").allowed() ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(14);
    }

    @Test
    void dropsFullBucketsAndEmptiesItselfWhenFlooded() {
        LocalBuckets buckets = buckets(1, 5, 1, 3);
        buckets.take("idle");
        now.addAndGet(11 * SECOND); // "idle" refilled to full; the sweep is due
        buckets.take("busy");
        assertThat(buckets.size()).isEqualTo(1);

        for (int i = 0; i < 10; i++) {
            buckets.take("flood-" + i);
        }
        now.addAndGet(SECOND); // none full yet, but more than 3: emptied at the next sweep
        now.addAndGet(10 * SECOND);
        buckets.take("after");
        assertThat(buckets.size()).isLessThanOrEqualTo(2);
    }

    @Test
    void neverAllowsMoreThanTheBurstUnderConcurrentTakes() throws InterruptedException {
        LocalBuckets buckets = buckets(1, 50, 1, 100);
        AtomicInteger allowed = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < 100; i++) {
                    if (buckets.take("m-hot").allowed()) {
                        allowed.incrementAndGet();
                    }
                }
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(allowed).hasValue(50); // the clock stands still: exactly the burst, out of 800 attempts
    }
}
