package io.unimember.insight.figures;

import io.unimember.common.web.ApiException;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin: the business figures per day and month, and the points liability day by day. */
@RestController
@Validated
class FigureController {

    private static final int MAX_TREND_DAYS = 366;

    record LiabilityPoint(LocalDate date, long pointsLiability) {}

    record LiabilityTrend(List<LiabilityPoint> items) {}

    private final FigureQueries figures;

    FigureController(FigureQueries figures) {
        this.figures = figures;
    }

    /**
     * Reports the business figures of one day. Admins only. Orders, GMV, refunds and registrations that day, each
     * campaign's coupons issued, redeemed and cost, and of the members each BU acquired that day how many have since
     * ordered in each other BU; members by tier and stage, the points liability and segment sizes as at the end of the
     * day. While the figures cannot be read on this instance (it is starting or rebalancing, or another instance holds
     * them) the answer is 503 INSIGHT_UNAVAILABLE, to be retried.
     */
    @GetMapping("/api/v1/admin/insight/daily")
    FigureReport daily(@RequestParam @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return FigureReport.of(date.toString(), figures.day(date), figures.levelsUpTo(date));
    }

    /**
     * Reports the business figures of one month. Admins only; month is yyyy-MM. The figures of the daily report, for
     * the whole month, with the levels as at its end. While the figures cannot be read on this instance (it is starting
     * or rebalancing, or another instance holds them) the answer is 503 INSIGHT_UNAVAILABLE, to be retried.
     */
    @GetMapping("/api/v1/admin/insight/monthly")
    FigureReport monthly(@RequestParam @NotNull @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        return FigureReport.of(month.toString(), figures.month(month), figures.levelsUpTo(month));
    }

    /**
     * Reports the points liability day by day over a range of dates. Admins only. from and to are ISO dates, from not
     * after to and the range at most 366 days (else 400 RANGE_INVALID); each day's value is the liability at its end.
     * While the figures cannot be read on this instance (it is starting or rebalancing, or another instance holds them)
     * the answer is 503 INSIGHT_UNAVAILABLE, to be retried.
     */
    @GetMapping("/api/v1/admin/insight/liability")
    LiabilityTrend liability(
            @RequestParam @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_TREND_DAYS) {
            throw ApiException.badRequest(
                    "RANGE_INVALID", "from must not be after to, and the range at most " + MAX_TREND_DAYS + " days");
        }
        long level = figures.levelsUpTo(from.minusDays(1)).get(FigureKeys.LIABILITY);
        var changes = new java.util.HashMap<String, Long>();
        figures.days(from, to).forEach(kv -> changes.put(kv.key, kv.value.get(FigureKeys.LIABILITY)));
        var items = new java.util.ArrayList<LiabilityPoint>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            level += changes.getOrDefault(FigureKeys.day(d), 0L);
            items.add(new LiabilityPoint(d, level));
        }
        return new LiabilityTrend(items);
    }
}
