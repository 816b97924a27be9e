package io.unimember.points.holds;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.unimember.common.transactions.AfterCommit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts points spent at hold confirmation ({@code unimember.points.spent}), tagged with the BU where they were
 * spent (the hold's BU, the one that confirmed it), like {@code unimember.orders} is tagged with the BU where the
 * order was placed. Which BUs issued the spent points is in {@code points.redeemed} and settlement. Counted once the
 * confirmation has committed; confirming again spends nothing and counts nothing.
 */
@Component
class SpendMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> spent = new ConcurrentHashMap<>();

    SpendMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Called inside the confirming transaction: counts when (and only if) it commits. */
    void spent(String bu, long points) {
        AfterCommit.run(() -> spent.computeIfAbsent(bu, this::counter).increment(points));
    }

    private Counter counter(String bu) {
        return Counter.builder("unimember.points.spent")
                .description("points spent at hold confirmation, by the BU where they were spent")
                .tag("bu", bu)
                .register(registry);
    }
}
