package io.unimember.tier.jobs;

import io.unimember.common.jobs.BatchDrain;
import io.unimember.tier.membership.MemberQueries;
import io.unimember.tier.membership.Memberships;
import io.unimember.tier.tiers.TierRules;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The monthly downgrade (保级 evaluation): every member past retention whose growth is below their tier's threshold
 * drops one tier. Each member is evaluated at most once per month (a guarded period on their row), so running it
 * twice, or on several instances at once, downgrades no one twice. It is scheduled daily and does its work on the
 * first day of a month it has not finished yet, so a month whose 1st passed while the service was down still runs.
 */
@Component
public class DowngradeJob {

    static final String JOB = "tier-downgrade";
    private static final Logger log = LoggerFactory.getLogger(DowngradeJob.class);

    private final Memberships memberships;
    private final MemberQueries queries;
    private final TierRules rules;
    private final JobRuns runs;
    private final JobsProperties properties;
    private final BatchDrain members;
    private final Clock clock;

    DowngradeJob(
            Memberships memberships,
            MemberQueries queries,
            TierRules rules,
            JobRuns runs,
            JobsProperties properties,
            Clock clock) {
        this.memberships = memberships;
        this.queries = queries;
        this.rules = rules;
        this.runs = runs;
        this.properties = properties;
        this.members = new BatchDrain(JOB, properties.batchSize());
        this.clock = clock;
    }

    @Scheduled(
            cron = "${unimember.tier.jobs.downgrade-cron:0 30 3 * * *}",
            zone = "${unimember.tier.jobs.zone:Asia/Shanghai}")
    void scheduled() {
        if (!runs.finished(JOB, period(clock.instant()))) {
            run();
        }
    }

    /** Evaluates the current month now; returns how many members went down a tier. */
    public int run() {
        Instant now = clock.instant();
        String period = period(now);
        runs.start(JOB, period, now);
        String lowest = rules.current().lowest().code();
        int downgraded = members.walk(
                "",
                (after, limit) -> queries.downgradeCandidates(lowest, period, now, after, limit),
                memberId -> memberships.downgrade(memberId, period));
        runs.finish(JOB, period, downgraded, clock.instant());
        log.info("downgrade evaluation for {}: {} members went down a tier", period, downgraded);
        return downgraded;
    }

    private String period(Instant now) {
        return YearMonth.from(now.atZone(properties.zone())).toString();
    }
}
