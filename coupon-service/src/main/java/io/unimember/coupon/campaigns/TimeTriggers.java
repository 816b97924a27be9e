package io.unimember.coupon.campaigns;

import io.unimember.coupon.support.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates the campaigns whose trigger is time, not an event (decision 0046): today INACTIVE, "no order in any BU
 * for {@code days}". One instance per window runs it (a database lease); it reads the time from the injected
 * {@link Clock}, so tests drive it. Each page of members is one transaction through {@link CampaignActions}, whose
 * (campaign, member, occurrence) key — the occurrence is the spell of inactivity, named by the order it began after
 * — makes a rerun, or a second runner after a lapsed lease, reward no one twice.
 */
@Component
class TimeTriggers {

    private static final Logger log = LoggerFactory.getLogger(TimeTriggers.class);
    static final String JOB = "campaign-time-triggers";
    private static final int PAGE = 500;

    private final ActiveCampaigns active;
    private final MemberOrders orders;
    private final TierLookup tiers;
    private final CampaignActions actions;
    private final JobLease lease;
    private final TransactionTemplate tx;
    private final CampaignProperties properties;
    private final Clock clock;

    TimeTriggers(
            ActiveCampaigns active,
            MemberOrders orders,
            TierLookup tiers,
            CampaignActions actions,
            JobLease lease,
            TransactionTemplate tx,
            CampaignProperties properties,
            Clock clock) {
        this.active = active;
        this.orders = orders;
        this.tiers = tiers;
        this.actions = actions;
        this.lease = lease;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${unimember.coupon.campaigns.time-triggers-every:PT1H}",
            initialDelayString = "${unimember.coupon.campaigns.time-triggers-every:PT1H}")
    void scheduled() {
        int due = run();
        if (due > 0) {
            log.info("time-triggered campaigns: {} rewards due", due);
        }
    }

    /** Runs one window if this instance gets the lease; how many rewards fell due (-1: another instance runs it). */
    int run() {
        Instant now = Times.now(clock);
        if (!lease.acquire(JOB, now, properties.timeTriggersLease())) {
            return -1;
        }
        int due = 0;
        for (Campaign c : active.current()) {
            if (c.trigger().type() == TriggerType.INACTIVE && c.actsAt(now)) {
                due += inactive(c, now);
            }
        }
        return due;
    }

    private int inactive(Campaign c, Instant now) {
        Integer days = c.trigger().days();
        if (days == null) {
            throw new IllegalStateException("an INACTIVE trigger has days (CampaignRules)");
        }
        Instant before = now.minus(Duration.ofDays(days));
        int due = 0;
        String after = "";
        for (var page = orders.inactiveSince(before, after, PAGE);
                !page.isEmpty();
                page = orders.inactiveSince(before, after, PAGE)) {
            after = page.getLast().memberId();
            Map<String, String> tierOf = c.audience() != null && c.audience().byTier()
                    ? tiers.tiersOf(
                            page.stream().map(MemberOrders.Inactive::memberId).toList())
                    : Map.of();
            List<CampaignRewards.Reward> rewards = new ArrayList<>(page.size());
            for (MemberOrders.Inactive m : page) {
                if (c.audience() == null || c.audience().admits(tierOf.get(m.memberId()))) {
                    String occurrence = "inactive-after:" + m.latest();
                    rewards.add(new CampaignRewards.Reward(
                            c.id(), m.memberId(), occurrence, JOB, null, null, CampaignRewards.PENDING, null));
                }
            }
            if (!rewards.isEmpty()) {
                tx.executeWithoutResult(s -> actions.reward(Map.of(c.id(), c), rewards, now));
                due += rewards.size();
            }
        }
        return due;
    }
}
