package io.unimember.coupon.budgets;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code unimember.coupon.budget.fen{bu, measure=limit|used|remaining}}: this month's subsidy pools, refreshed from
 * the database on a schedule (a scrape never queries it) and after every change of a limit here.
 */
@Component
class BudgetMetrics {

    private static final Logger log = LoggerFactory.getLogger(BudgetMetrics.class);

    private final SubsidyPools pools;
    private final MultiGauge gauge;
    private final Clock clock;

    BudgetMetrics(SubsidyPools pools, MeterRegistry registry, Clock clock) {
        this.pools = pools;
        this.clock = clock;
        this.gauge = MultiGauge.builder("unimember.coupon.budget.fen")
                .description("this month's subsidy pool per funding BU, in fen")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${unimember.coupon.budgets.metrics-every:PT15S}")
    void refresh() {
        try {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (SubsidyPools.Pool p : pools.ofMonth(SubsidyPools.currentMonth(clock))) {
                rows.add(MultiGauge.Row.of(Tags.of("bu", p.bu(), "measure", "limit"), p.limitFen()));
                rows.add(MultiGauge.Row.of(Tags.of("bu", p.bu(), "measure", "used"), p.usedFen()));
                rows.add(MultiGauge.Row.of(Tags.of("bu", p.bu(), "measure", "remaining"), p.remainingFen()));
            }
            gauge.register(rows, true);
        } catch (RuntimeException e) {
            log.warn("subsidy pool metrics not refreshed: {}", e.toString());
        }
    }
}
