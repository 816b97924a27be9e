package io.unimember.points.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unimember.points.PointsProperties;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The HTTP intake's bound on orders in progress, with real threads. */
class OrderAdmissionTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private OrderAdmission admission(int concurrency, Duration wait) {
        return new OrderAdmission(
                new PointsProperties(
                        20_000,
                        ZoneId.of("Asia/Shanghai"),
                        12,
                        Duration.ofMinutes(15),
                        3,
                        Duration.ofMinutes(5),
                        200,
                        Duration.ofMinutes(1),
                        concurrency,
                        wait,
                        64,
                        1,
                        Duration.ofDays(1)),
                registry);
    }

    @Test
    void neverRunsMoreThanItsConcurrencyAtOnce() throws Exception {
        OrderAdmission admission = admission(4, Duration.ofSeconds(30));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return admission.admit(() -> {
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        sleep(1);
                        running.decrementAndGet();
                        return n;
                    });
                }));
            }
            start.countDown();
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get(1, TimeUnit.MINUTES)).isEqualTo(i);
            }
        }
        assertThat(most.get()).isBetween(1, 4);
        assertThat(registry.counter("unimember.orders.rejected", "reason", "overloaded")
                        .count())
                .isZero();
    }

    @Test
    void turnsAwayWhatFindsNoTurnInTimeWithoutRunningIt() throws Exception {
        OrderAdmission admission = admission(2, Duration.ofMillis(50));
        CountDownLatch holding = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<String>> held = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                held.add(pool.submit(() -> admission.admit(() -> {
                    holding.countDown();
                    await(release);
                    return "done";
                })));
            }
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

            AtomicInteger ran = new AtomicInteger();
            long started = System.nanoTime();
            assertThatThrownBy(() -> admission.admit(ran::incrementAndGet))
                    .isInstanceOf(OrderAdmission.Overloaded.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(ran).hasValue(0);
            assertThat(registry.counter("unimember.orders.rejected", "reason", "overloaded")
                            .count())
                    .isEqualTo(1);

            release.countDown();
            for (Future<String> f : held) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("done");
            }
            // the turns came back: the next order runs
            assertThat(admission.admit(ran::incrementAndGet)).isEqualTo(1);
        }
    }

    @Test
    void aFailingOrderGivesItsTurnBack() {
        OrderAdmission admission = admission(1, Duration.ofMillis(50));
        assertThatThrownBy(() -> admission.admit(() -> {
                    throw new IllegalStateException("rolled back");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(admission.admit(() -> "next")).isEqualTo("next");
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
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
