package io.unimember.coupon.issuing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unimember.common.web.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IssueBulkheadTests {

    private IssueBulkhead bulkhead;

    @AfterEach
    void tearDown() throws InterruptedException {
        bulkhead.destroy();
    }

    @Test
    void noMoreThanTheCapRunForOneTemplateAndAllOfThemRun() throws Exception {
        bulkhead = bulkhead(3, Duration.ofSeconds(30));
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();

        try (var requests = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                answers.add(requests.submit(() -> bulkhead.run("template-a", () -> {
                    most.accumulateAndGet(now.incrementAndGet(), Math::max);
                    sleep(5); // the issuing work, long enough for callers to overlap
                    now.decrementAndGet();
                    done.incrementAndGet();
                    return n;
                })));
            }
            for (int i = 0; i < 50; i++) {
                assertThat(answers.get(i).get()).isEqualTo(i);
            }
        }

        assertThat(done).hasValue(50);
        assertThat(most.get()).isBetween(1, 3);
    }

    @Test
    void workThatCannotStartInTimeIsRefusedAndNeverRuns() throws Exception {
        bulkhead = bulkhead(1, Duration.ofMillis(200));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ranLate = new AtomicInteger();

        try (var requests = Executors.newVirtualThreadPerTaskExecutor()) {
            var holder = requests.submit(() -> bulkhead.run("template-b", () -> {
                started.countDown();
                await(release);
                return "first";
            }));
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> bulkhead.run("template-b", () -> ranLate.incrementAndGet()))
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.code()).isEqualTo("ISSUING_BUSY"));
            release.countDown();
            assertThat(holder.get(30, TimeUnit.SECONDS)).isEqualTo("first");
        }
        assertThat(bulkhead.run("template-b", () -> "after")).isEqualTo("after");
        assertThat(ranLate).as("the refused work never ran").hasValue(0);
    }

    @Test
    void theWorksFailureReachesItsCaller() {
        bulkhead = bulkhead(2, Duration.ofSeconds(5));

        assertThatThrownBy(() -> bulkhead.run("template-c", () -> {
                    throw Refusal.SOLD_OUT.toException();
                }))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("COUPON_SOLD_OUT"));
    }

    private static IssueBulkhead bulkhead(int perTemplate, Duration queueWait) {
        var properties =
                new IssuingProperties(false, Duration.ofDays(1), Duration.ofSeconds(10), 3, perTemplate, queueWait, 4);
        return new IssueBulkhead(
                properties, new IssuingResilience().issuingBulkheads(properties), new SimpleMeterRegistry());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
