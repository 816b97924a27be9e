package io.unimember.points.orders;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.unimember.points.PointsProperties;
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
 *
 * <p>The turns are a resilience4j semaphore {@link Bulkhead} ({@code order-intake}, fair, so waiting requests go in
 * arrival order), with its {@code resilience4j_bulkhead_*} metrics beside this class's own.
 */
@Component
class OrderAdmission {

    /** No turn came within the wait: the order was not looked at, so retrying it is safe. */
    static final class Overloaded extends RuntimeException {
        Overloaded() {
            super("too many orders at once", null, false, false);
        }
    }

    private final Bulkhead turns;
    private final Counter rejected;

    OrderAdmission(PointsProperties properties, MeterRegistry registry) {
        int concurrency = properties.intakeConcurrency();
        BulkheadRegistry bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(concurrency)
                .maxWaitDuration(properties.intakeQueueWait())
                .fairCallHandlingStrategyEnabled(true)
                .build());
        this.turns = bulkheads.bulkhead("order-intake");
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(registry);
        Gauge.builder(
                        "unimember.orders.in.progress",
                        turns,
                        t -> concurrency - t.getMetrics().getAvailableConcurrentCalls())
                .description("HTTP orders and refunds holding an intake turn")
                .register(registry);
        this.rejected = Counter.builder("unimember.orders.rejected")
                .description("HTTP orders and refunds answered 503 because too many were in progress")
                .tag("reason", "overloaded")
                .register(registry);
    }

    /** Runs {@code work} once a turn is free, or throws {@link Overloaded} if none frees up in time. */
    <T> T admit(Supplier<T> work) {
        try {
            return turns.executeSupplier(work);
        } catch (BulkheadFullException e) {
            rejected.increment();
            throw new Overloaded();
        }
    }
}
