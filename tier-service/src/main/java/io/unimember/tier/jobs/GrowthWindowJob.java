package io.unimember.tier.jobs;

import io.unimember.common.jobs.BatchDrain;
import io.unimember.tier.growth.GrowthLedger;
import io.unimember.tier.growth.GrowthWindow;
import io.unimember.tier.membership.Memberships;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each business day, growth older than the window stops counting. Members who had growth on the days that just
 * left the window get their growth published again ({@code tier.growth.changed}), so the entitlement view's
 * progress bar does not wait for their next order. Tiers do not change here; that is the monthly evaluation's job.
 */
@Component
public class GrowthWindowJob {

    static final String JOB = "tier-growth-window";
    private static final Logger log = LoggerFactory.getLogger(GrowthWindowJob.class);

    private final GrowthLedger ledger;
    private final GrowthWindow window;
    private final Memberships memberships;
    private final JobRuns runs;
    private final JobsProperties properties;
    private final BatchDrain members;
    private final Clock clock;

    GrowthWindowJob(
            GrowthLedger ledger,
            GrowthWindow window,
            Memberships memberships,
            JobRuns runs,
            JobsProperties properties,
            Clock clock) {
        this.ledger = ledger;
        this.window = window;
        this.memberships = memberships;
        this.runs = runs;
        this.properties = properties;
        this.members = new BatchDrain(JOB, properties.batchSize());
        this.clock = clock;
    }

    @Scheduled(
            cron = "${unimember.tier.jobs.growth-window-cron:0 5 0 * * *}",
            zone = "${unimember.tier.jobs.zone:Asia/Shanghai}")
    void scheduled() {
        run();
    }

    /** Refreshes members whose growth left the window in the last few days; returns how many changed. */
    public int run() {
        Instant now = clock.instant();
        LocalDate firstDay = window.firstDay(now);
        LocalDate from = firstDay.minusDays(properties.windowCatchUpDays());
        LocalDate to = firstDay.minusDays(1);
        String period = window.businessDate(now).toString();
        runs.start(JOB, period, now);
        int refreshed = members.walk(
                "",
                (after, limit) -> ledger.membersWithGrowthBetween(from, to, after, limit),
                memberships::refreshGrowth);
        runs.finish(JOB, period, refreshed, clock.instant());
        log.info("growth window moved to start at {}: {} members' growth republished", firstDay, refreshed);
        return refreshed;
    }
}
