package io.unimember.tier.paidmembership;

import io.unimember.common.jobs.BatchDrain;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The time-driven steps of paid membership: opening renewals ahead of their end, and lapsing memberships whose
 * renewal went unpaid past the grace (or that were cancelled and ran out). Safe on several instances: each member's
 * step locks their row and re-checks, so a step two instances take at once happens once.
 */
@Component
class MembershipJob {

    private static final Logger log = LoggerFactory.getLogger(MembershipJob.class);

    record Run(int renewalsOpened, int lapsed) {}

    private final Ending ending;
    private final PaidMemberships memberships;
    private final PaidMembershipProperties properties;
    private final BatchDrain renewals;
    private final BatchDrain lapses;
    private final Clock clock;

    MembershipJob(Ending ending, PaidMemberships memberships, PaidMembershipProperties properties, Clock clock) {
        this.ending = ending;
        this.memberships = memberships;
        this.properties = properties;
        this.renewals = new BatchDrain("membership-renewals", properties.batchSize());
        this.lapses = new BatchDrain("membership-lapses", properties.batchSize());
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${unimember.tier.paid-membership.job-every:PT1M}",
            initialDelayString = "${unimember.tier.paid-membership.job-every:PT1M}")
    void scheduled() {
        Run run = run();
        if (run.renewalsOpened() + run.lapsed() > 0) {
            log.info("paid membership: {} renewals opened, {} lapsed", run.renewalsOpened(), run.lapsed());
        }
    }

    Run run() {
        Instant now = clock.instant();
        int opened = renewals.drain(
                limit -> memberships.renewalsDue(now.plus(properties.renewAhead()), limit), ending::openRenewal);
        int lapsed =
                lapses.drain(limit -> memberships.lapsesDue(now, now.minus(properties.grace()), limit), ending::lapse);
        return new Run(opened, lapsed);
    }
}
