package io.unimember.points.holds;

import io.unimember.points.PointsProperties;
import java.time.Clock;
import java.util.List;
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

    private static final Logger log = LoggerFactory.getLogger(HoldReleaseJob.class);

    private final HoldRepository holds;
    private final Holds service;
    private final Clock clock;
    private final PointsProperties properties;

    HoldReleaseJob(HoldRepository holds, Holds service, Clock clock, PointsProperties properties) {
        this.holds = holds;
        this.service = service;
        this.clock = clock;
        this.properties = properties;
    }

    /** Releases every due hold; returns how many this run released. */
    @Scheduled(
            fixedDelayString = "${unimember.points.hold-release-every:PT30S}",
            initialDelayString = "${unimember.points.hold-release-every:PT30S}")
    public int run() {
        int released = 0;
        List<HoldRepository.Due> due;
        do {
            due = holds.due(clock.instant(), properties.jobBatchSize());
            int before = released;
            for (HoldRepository.Due hold : due) {
                try {
                    released += service.expire(hold.bu(), hold.holdId()) ? 1 : 0;
                } catch (RuntimeException e) {
                    log.warn("could not release hold {}/{}, will retry: {}", hold.bu(), hold.holdId(), e.toString());
                }
            }
            if (released == before) {
                break; // nothing of this batch was ours to release (others did it, or all failed): stop for now
            }
        } while (due.size() == properties.jobBatchSize());
        if (released > 0) {
            log.info("released {} expired holds", released);
        }
        return released;
    }
}
