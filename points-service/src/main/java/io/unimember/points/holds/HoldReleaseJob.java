package io.unimember.points.holds;

import io.unimember.common.jobs.BatchDrain;
import io.unimember.points.PointsProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Releases holds left unconfirmed past their time. Each release re-checks the hold under its locks, so this may run
 * on every instance at once and twice in a row: a hold is released once.
 */
@Component
public class HoldReleaseJob {

    static final String JOB = "points-hold-release";
    private static final Logger log = LoggerFactory.getLogger(HoldReleaseJob.class);

    private final HoldRepository holds;
    private final Holds service;
    private final Clock clock;
    private final BatchDrain due;

    HoldReleaseJob(HoldRepository holds, Holds service, Clock clock, PointsProperties properties) {
        this.holds = holds;
        this.service = service;
        this.clock = clock;
        this.due = new BatchDrain(JOB, properties.jobBatchSize());
    }

    /** Releases every due hold; returns how many this run released. */
    @Scheduled(
            fixedDelayString = "${unimember.points.hold-release-every:PT30S}",
            initialDelayString = "${unimember.points.hold-release-every:PT30S}")
    public int run() {
        int released =
                due.drain(limit -> holds.due(clock.instant(), limit), hold -> service.expire(hold.bu(), hold.holdId()));
        if (released > 0) {
            log.info("released {} expired holds", released);
        }
        return released;
    }
}
