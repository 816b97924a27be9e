package io.unimember.tier.jobs;

import io.unimember.common.jobs.BatchDrain;
import io.unimember.tier.membership.MemberQueries;
import io.unimember.tier.membership.Memberships;
import io.unimember.tier.tiers.TierRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Carries an admin's rule change to every member: each member evaluated against an older rules revision is
 * re-evaluated (ADMIN_RULES). Polls, so it survives restarts and needs no coordination between instances: the
 * member's row lock and revision guard make each member's re-evaluation happen once.
 */
@Component
public class RulesPropagationJob {

    static final String JOB = "tier-rules-propagation";
    private static final Logger log = LoggerFactory.getLogger(RulesPropagationJob.class);

    private final Memberships memberships;
    private final MemberQueries queries;
    private final TierRules rules;
    private final BatchDrain members;

    RulesPropagationJob(Memberships memberships, MemberQueries queries, TierRules rules, JobsProperties properties) {
        this.memberships = memberships;
        this.queries = queries;
        this.rules = rules;
        this.members = new BatchDrain(JOB, properties.batchSize());
    }

    @Scheduled(
            fixedDelayString = "${unimember.tier.jobs.rules-propagation-every:PT5S}",
            initialDelayString = "${unimember.tier.jobs.rules-propagation-every:PT5S}")
    void scheduled() {
        run();
    }

    /** Re-evaluates members behind the current rules; returns how many got an event. */
    public int run() {
        long revision = rules.current().revision();
        int changed = members.walk(
                "", (after, limit) -> queries.evaluatedBefore(revision, after, limit), memberships::applyRules);
        if (changed > 0) {
            log.info("rules revision {} reached {} members", revision, changed);
        }
        return changed;
    }
}
