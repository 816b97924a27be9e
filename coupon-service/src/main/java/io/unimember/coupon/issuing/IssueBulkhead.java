package io.unimember.coupon.issuing;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.unimember.common.web.ApiException;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Where issuing transactions run: in one lane per template (templates share a fixed set of lanes), at most a few at
 * a time, on a small pool of platform threads.
 *
 * <p>The template's stock rows are locked from the stock update to the commit, so how fast those few statements run
 * bounds a flash sale. Three things keep them fast. The cap: without it every claimer would hold a pooled connection
 * while queueing on the row locks, starving the pool; here they wait in memory, in order, holding nothing. Platform
 * threads: a virtual thread holding the lock would, after each JDBC round trip, wait for a carrier behind every
 * other request's CPU work (token checks, JSON), whereas the OS schedules a woken platform thread promptly. And the
 * lane's workers take the next waiting transaction themselves as soon as one ends, so a slot never waits for a
 * request thread to be scheduled.
 *
 * <p>A lane's cap is a resilience4j {@link Bulkhead} ({@code coupon-issuing-lane-N}, configured in {@link
 * IssuingResilience}), taken by the worker that starts a transaction, never waited for: resilience4j's bulkheads
 * either make the caller wait for a permit or give each bulkhead its own threads, and neither keeps the hand-over
 * above nor the shared pool of workers (decision 0025).
 */
@Component
class IssueBulkhead implements DisposableBean {

    private static final int LANES = 64;

    private final Lane[] lanes = new Lane[LANES];
    private final IssuingProperties properties;
    private final ExecutorService workers;
    private final Timer queued;
    private final Timer running;

    IssueBulkhead(IssuingProperties properties, BulkheadRegistry bulkheads, MeterRegistry meters) {
        this.properties = properties;
        for (int i = 0; i < LANES; i++) {
            lanes[i] = new Lane(bulkheads.bulkhead("coupon-issuing-lane-%02d".formatted(i)));
        }
        this.workers = Executors.newFixedThreadPool(
                properties.workerThreads(),
                Thread.ofPlatform().name("coupon-issuing-", 1).factory());
        this.queued = Timer.builder("coupon.issuing.queued")
                .description("time an issuing request waited for a slot of its template")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        this.running = Timer.builder("coupon.issuing.transaction")
                .description("time an issuing transaction ran, commit included")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    /**
     * Runs {@code work} in the template's lane and answers its result; a 503 if it did not start within the queue
     * wait (then it never runs). Once started it is waited for to the end: its outcome is the answer.
     */
    <T> T run(String templateId, Supplier<T> work) {
        Lane lane = lanes[Math.floorMod(templateId.hashCode(), LANES)];
        Task<T> task = new Task<>(work, MDC.getCopyOfContextMap());
        lane.waiting.add(task);
        dispatch(lane);
        try {
            return task.get(properties.queueWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            if (task.abandon()) {
                throw busy();
            }
            return awaitStarted(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (task.abandon()) {
                throw busy();
            }
            throw new IllegalStateException("interrupted while issuing; retry with the same key", e);
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
    }

    private <T> T awaitStarted(Task<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while issuing; retry with the same key", e);
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
    }

    /** Starts another worker on the lane if it has waiting work and a free slot. */
    private void dispatch(Lane lane) {
        if (!lane.waiting.isEmpty() && lane.slots.tryAcquirePermission()) {
            workers.execute(() -> drain(lane));
        }
    }

    private void drain(Lane lane) {
        try {
            for (Task<?> task = lane.waiting.poll(); task != null; task = lane.waiting.poll()) {
                task.runUnlessAbandoned();
            }
        } finally {
            lane.slots.onComplete();
            // work queued after the last poll but before the decrement would otherwise wait for the next arrival
            dispatch(lane);
        }
    }

    private static RuntimeException unwrap(ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
            return runtime;
        }
        if (e.getCause() instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(e.getCause());
    }

    private static ApiException busy() {
        return new ApiException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "ISSUING_BUSY",
                "too many requests for this coupon right now; nothing was changed, retry with the same key");
    }

    @Override
    public void destroy() throws InterruptedException {
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static final class Lane {
        final Queue<Task<?>> waiting = new ConcurrentLinkedQueue<>();
        final Bulkhead slots;

        Lane(Bulkhead slots) {
            this.slots = slots;
        }
    }

    /** A waiting transaction; it runs at most once, and not at all once its requester gave up on it. */
    private final class Task<T> extends FutureTask<T> {

        private final AtomicBoolean claimed = new AtomicBoolean();
        private final long enqueuedAt = System.nanoTime();

        Task(Supplier<T> work, @Nullable Map<String, String> mdc) {
            super(() -> {
                if (mdc != null) {
                    MDC.setContextMap(mdc);
                }
                long began = System.nanoTime();
                try {
                    return work.get();
                } finally {
                    running.record(System.nanoTime() - began, TimeUnit.NANOSECONDS);
                    MDC.clear();
                }
            });
        }

        void runUnlessAbandoned() {
            if (claimed.compareAndSet(false, true)) {
                queued.record(System.nanoTime() - enqueuedAt, TimeUnit.NANOSECONDS);
                run();
            }
        }

        /** True if the task will now never run; false if a worker already started it. */
        boolean abandon() {
            return claimed.compareAndSet(false, true);
        }
    }
}
