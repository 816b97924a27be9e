package io.unimember.coupon.issuing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.unimember.common.web.ApiException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Where issuing transactions run: at most a few per template at once, on a small pool of platform threads.
 *
 * <p>The template's row lock lets one issuer past the stock guard at a time, and it is held until commit, so the
 * time between the stock update and the commit is what bounds a flash sale. Two things keep it short. A per-template
 * cap: without it every claimer would hold a pooled connection while queueing on the row lock, starving the pool;
 * past the cap they wait here, in memory and in order, holding nothing. And platform threads: a virtual thread that
 * holds the lock would, after each JDBC round trip, wait for a carrier behind every other request's CPU work (token
 * checks, JSON), whereas the OS schedules a woken platform thread promptly. Templates share a fixed set of stripes,
 * so memory stays bounded whatever the number of templates.
 */
@Component
public class IssueBulkhead implements DisposableBean {

    private static final int STRIPES = 64;

    private final Semaphore[] stripes = new Semaphore[STRIPES];
    private final IssuingProperties properties;
    private final ExecutorService workers;
    private final Timer queued;
    private final Timer running;

    IssueBulkhead(IssuingProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.queued = Timer.builder("coupon.issuing.queued")
                .description("time an issuing request waited for a slot of its template")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        this.running = Timer.builder("coupon.issuing.transaction")
                .description("time an issuing transaction ran, commit included")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Semaphore(properties.concurrentPerTemplate(), true);
        }
        this.workers = Executors.newFixedThreadPool(
                properties.workerThreads(),
                Thread.ofPlatform().name("coupon-issuing-", 1).factory());
    }

    /** Runs {@code work} once a slot for the template is free; a 503 if none frees up in time. */
    public <T> T run(String templateId, Supplier<T> work) {
        Semaphore stripe = stripes[Math.floorMod(templateId.hashCode(), STRIPES)];
        long began = System.nanoTime();
        boolean acquired = acquire(stripe);
        queued.record(System.nanoTime() - began, TimeUnit.NANOSECONDS);
        if (!acquired) {
            throw new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "ISSUING_BUSY",
                    "too many requests for this coupon right now; nothing was changed, retry with the same key");
        }
        try {
            return onWorker(work);
        } finally {
            stripe.release();
        }
    }

    private boolean acquire(Semaphore stripe) {
        try {
            return stripe.tryAcquire(properties.queueWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private <T> T onWorker(Supplier<T> work) {
        @Nullable Map<String, String> mdc = MDC.getCopyOfContextMap();
        Future<T> result = workers.submit(() -> {
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
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            // the transaction runs to its end on the worker; the caller retries with the same key
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while issuing", e);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }
}
