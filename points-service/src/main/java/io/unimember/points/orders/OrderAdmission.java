package io.unimember.points.orders;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.unimember.points.PointsProperties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Bounds how many orders and refunds are taken over HTTP at once, so that overload is answered with fast {@code 503}s
 * instead of a queue that outgrows the service.
 *
 * <p>Without it every request waited up to the pool's connection timeout (2 s) for one of its connections. Started
 * cold at 300–500 orders/s, a JVM whose JIT had not warmed up yet fell behind within seconds; thousands of waiting
 * requests then filled the heap, the collector took most of the CPU, the outbox could not get a connection to record
 * its sends, and the service stayed in that state for minutes, accepting 30–90 orders/s (points-service/BENCHMARK.md,
 * sixth round). Here at most {@code intakeConcurrency} run; the next ones wait in arrival order for at most
 * {@code intakeQueueWait}, and the rest are turned away before they touch the database, which keeps what is waiting
 * small and lets the service work at its capacity while it warms up. Orders from {@code bu.orders.v1} are not
 * limited here: the listener takes them at its own pace.
 */
@Component
class OrderAdmission {

    /** No turn came within the wait: the order was not looked at, so retrying it is safe. */
    static final class Overloaded extends RuntimeException {
        Overloaded() {
            super("too many orders at once", null, false, false);
        }
    }

    private final Semaphore turns;
    private final long waitNanos;
    private final Counter rejected;

    OrderAdmission(PointsProperties properties, MeterRegistry registry) {
        this.turns = new Semaphore(properties.intakeConcurrency(), true);
        this.waitNanos = properties.intakeQueueWait().toNanos();
        int concurrency = properties.intakeConcurrency();
        Gauge.builder("unimember.orders.in.progress", turns, t -> concurrency - t.availablePermits())
                .description("HTTP orders and refunds holding an intake turn")
                .register(registry);
        this.rejected = Counter.builder("unimember.orders.rejected")
                .description("HTTP orders and refunds answered 503 because too many were in progress")
                .tag("reason", "overloaded")
                .register(registry);
    }

    /** Runs {@code work} once a turn is free, or throws {@link Overloaded} if none frees up in time. */
    <T> T admit(Supplier<T> work) {
        if (!awaitTurn()) {
            rejected.increment();
            throw new Overloaded();
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }

    private boolean awaitTurn() {
        try {
            return turns.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
