package io.unimember.insight.figures;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The current figures as Prometheus gauges, read from the figures store every 30 s: members by stage and tier,
 * segment sizes, the points liability. An instance that does not hold the figures publishes none.
 */
@Component
class FigureGauges {

    private final FigureQueries figures;
    private final MultiGauge stages;
    private final MultiGauge tiers;
    private final MultiGauge segments;
    private final MultiGauge liability;

    FigureGauges(FigureQueries figures, MeterRegistry registry) {
        this.figures = figures;
        this.stages = MultiGauge.builder("insight.members.stage")
                .description("members by lifecycle stage")
                .register(registry);
        this.tiers = MultiGauge.builder("insight.members.tier")
                .description("members by tier")
                .register(registry);
        this.segments = MultiGauge.builder("insight.segment.members")
                .description("members per segment")
                .register(registry);
        this.liability = MultiGauge.builder("insight.points.liability")
                .description("points held by members, not yet spent or expired")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT5S")
    void refresh() {
        FigureDoc now;
        try {
            now = figures.current();
        } catch (RuntimeException e) {
            return; // not the instance holding the figures, or not running yet
        }
        stages.register(rows(FigureReport.prefixed(now, "stage."), "stage"), true);
        tiers.register(rows(FigureReport.prefixed(now, "tier."), "tier"), true);
        segments.register(rows(FigureReport.prefixed(now, "segment."), "segment"), true);
        liability.register(List.of(MultiGauge.Row.of(Tags.empty(), now.get(FigureKeys.LIABILITY))), true);
    }

    private static List<MultiGauge.Row<?>> rows(Map<String, Long> values, String tag) {
        return values.entrySet().stream()
                .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(Tags.of(tag, e.getKey()), e.getValue()))
                .toList();
    }
}
