package io.unimember.points.orders;

import io.micrometer.core.instrument.Counter;
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

    OrderMetrics(MeterRegistry registry) {
        this.registry = registry;
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
