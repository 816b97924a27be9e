package io.unimember.coupon.campaigns;

import io.unimember.coupon.support.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates the campaigns whose trigger is time, not an event (decisions 0046, 0067): INACTIVE ("no order in any BU
 * for {@code days}"), REGISTERED (within {@code withinDays} of registering), BIRTHDAY (on the member's birthday in
 * the campaign zone) and POINTS_EXPIRING ({@code daysBefore} days before a lot of the member's points expires). One
 * instance per window runs it (a database lease); it reads the time from the injected {@link Clock}, so tests drive
 * it. Each page of members is one transaction through {@link CampaignActions}, whose (campaign, member, occurrence)
 * key makes a rerun, or a second runner after a lapsed lease, reward no one twice. The occurrences: the spell of
 * inactivity ({@code inactive-after:<latest order>}), {@code registered}, {@code birthday:<year>}, and the lot
 * ({@code expiring:<expiresAt>}).
 */
@Component
class TimeTriggers {

    private static final Logger log = LoggerFactory.getLogger(TimeTriggers.class);
    static final String JOB = "campaign-time-triggers";
    private static final int PAGE = 500;
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    /** A member a trigger fired for, and which occurrence of it. */
    record Candidate(String memberId, String occurrence) {}

    @FunctionalInterface
    interface Pages {
        /** The next page of candidates after {@code afterMember}, in member id order. */
        List<Candidate> after(String afterMember, int limit);
    }

    private final ActiveCampaigns active;
    private final MemberOrders orders;
    private final MemberFacts facts;
    private final Audiences audiences;
    private final CampaignActions actions;
    private final JobLease lease;
    private final TransactionTemplate tx;
    private final CampaignProperties properties;
    private final Clock clock;

    TimeTriggers(
            ActiveCampaigns active,
            MemberOrders orders,
            MemberFacts facts,
            Audiences audiences,
            CampaignActions actions,
            JobLease lease,
            TransactionTemplate tx,
            CampaignProperties properties,
            Clock clock) {
        this.active = active;
        this.orders = orders;
        this.facts = facts;
        this.audiences = audiences;
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
            if (c.actsAt(now)) {
                Pages pages = pagesOf(c.trigger(), now);
                if (pages != null) {
                    due += evaluate(c, pages, now);
                }
            }
        }
        return due;
    }

    private @Nullable Pages pagesOf(Trigger t, Instant now) {
        return switch (t.type()) {
            case INACTIVE -> {
                Instant before = now.minus(Duration.ofDays(required(t.days(), "days")));
                yield (after, limit) -> orders.inactiveSince(before, after, limit).stream()
                        .map(m -> new Candidate(m.memberId(), "inactive-after:" + m.latest()))
                        .toList();
            }
            case REGISTERED -> {
                Instant since = now.minus(Duration.ofDays(required(t.withinDays(), "withinDays")));
                yield (after, limit) -> facts.registeredSince(since, now, after, limit).stream()
                        .map(m -> new Candidate(m.memberId(), "registered"))
                        .toList();
            }
            case BIRTHDAY -> {
                LocalDate today = LocalDate.ofInstant(now, properties.zone());
                yield (after, limit) -> facts.bornOn(birthdaysOn(today), after, limit).stream()
                        .map(m -> new Candidate(m, "birthday:" + today.getYear()))
                        .toList();
            }
            case POINTS_EXPIRING -> {
                Instant by = now.plus(Duration.ofDays(required(t.daysBefore(), "daysBefore")));
                yield (after, limit) -> facts.expiringBy(now, by, after, limit).stream()
                        .map(m -> new Candidate(m.memberId(), "expiring:" + m.at()))
                        .toList();
            }
            default -> null;
        };
    }

    /** The birthdays celebrated on {@code day}: a 29 February one on the 28th in a year without it. */
    static List<String> birthdaysOn(LocalDate day) {
        String md = MONTH_DAY.format(day);
        return md.equals("02-28") && !day.isLeapYear() ? List.of(md, "02-29") : List.of(md);
    }

    private int evaluate(Campaign c, Pages pages, Instant now) {
        int due = 0;
        String after = "";
        for (var page = pages.after(after, PAGE); !page.isEmpty(); page = pages.after(after, PAGE)) {
            after = page.getLast().memberId();
            var known = audiences.of(
                    List.of(c), page.stream().map(Candidate::memberId).toList());
            List<CampaignRewards.Reward> rewards = new ArrayList<>(page.size());
            for (Candidate m : page) {
                if (known.admits(c, m.memberId())) {
                    rewards.add(new CampaignRewards.Reward(
                            c.id(), m.memberId(), m.occurrence(), JOB, null, null, CampaignRewards.PENDING, null));
                }
            }
            if (!rewards.isEmpty()) {
                tx.executeWithoutResult(s -> actions.reward(Map.of(c.id(), c), rewards, now));
                due += rewards.size();
            }
        }
        return due;
    }

    private static int required(@Nullable Integer value, String name) {
        if (value == null) {
            throw new IllegalStateException("the trigger has no " + name + " (CampaignRules)");
        }
        return value;
    }
}
