package io.unimember.points.orders;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.unimember.common.transactions.AfterCommit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts accepted orders and the points they earned, per BU ({@code unimember.orders}, {@code
 * unimember.points.earned}; the names deploy/README.md lists for the dashboard). Counted once the order's
 * transaction has committed, so a rolled-back order never counts; a replay never reaches the acceptance at all.
 */
@Component
class OrderMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> orders = new ConcurrentHashMap<>();
    private final Map<String, Counter> earned = new ConcurrentHashMap<>();
    private final DistributionSummary batchSize;
    private final Counter gaveWay;

    OrderMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.batchSize = DistributionSummary.builder("unimember.orders.batch.size")
                .description("orders taken in one transaction by order intake's group commit")
                .register(registry);
        this.gaveWay = Counter.builder("unimember.orders.batch.gave.way")
                .description("orders whose batch failed as a whole and which were then taken one by one")
                .register(registry);
    }

    /** A batch of orders committed together. */
    void batched(int orders) {
        batchSize.record(orders);
    }

    /** A batch failed as a whole; its orders are taken one by one. */
    void batchGaveWay(int orders) {
        gaveWay.increment(orders);
    }

    /** Called inside the order's transaction: counts when (and only if) it commits. */
    void accepted(String bu, long pointsEarned) {
        AfterCommit.run(() -> {
            orders.computeIfAbsent(bu, this::ordersCounter).increment();
            if (pointsEarned > 0) {
                earned.computeIfAbsent(bu, this::earnedCounter).increment(pointsEarned);
            }
        });
    }

    /** An order's parked points credited when their review was approved (the order was counted when accepted). */
    void earnedOnApproval(String bu, long points) {
        if (points > 0) {
            AfterCommit.run(
                    () -> earned.computeIfAbsent(bu, this::earnedCounter).increment(points));
        }
    }

    private Counter ordersCounter(String bu) {
        return Counter.builder("unimember.orders")
                .description("orders accepted (REST or bu.orders.v1), replays not counted")
                .tag("bu", bu)
                .register(registry);
    }

    private Counter earnedCounter(String bu) {
        return Counter.builder("unimember.points.earned")
                .description("points earned by accepted orders, by the BU of the order")
                .tag("bu", bu)
                .register(registry);
    }
}
