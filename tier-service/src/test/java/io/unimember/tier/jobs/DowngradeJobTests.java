package io.unimember.tier.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.TierChanged;
import io.unimember.testsupport.TestClock;
import io.unimember.tier.TierIntegrationTest;
import io.unimember.tier.TierTestSupport;
import io.unimember.tier.membership.Memberships;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The monthly downgrade with a clock the test moves: 保级 for 90 days, then one tier at a time, once a month. */
@TierIntegrationTest
class DowngradeJobTests {

    private static final Duration DAY = Duration.ofDays(1);

    @Autowired
    TestClock clock;

    @Autowired
    Memberships memberships;

    @Autowired
    DowngradeJob job;

    @Autowired
    TierTestSupport support;

    @Autowired
    JdbcClient jdbc;

    Instant t0;

    @BeforeEach
    void fixTime() {
        support.awaitOutboxDrained();
        t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(t0);
    }

    @AfterEach
    void releaseTime() {
        support.awaitOutboxDrained();
        clock.reset();
    }

    @Test
    void retentionKeepsATierForNinetyDaysThenGrowthBelowItsThresholdDropsOneTier() {
        String member = reachAt(250_000); // growth 2500: GOLD at t0, from an order 300 days old
        assertThat(support.tierOf(member)).isEqualTo("GOLD");

        at(t0.plus(DAY.multipliedBy(70))); // the order left the window: growth 0, but GOLD is retained
        job.run();
        assertThat(support.tierOf(member)).isEqualTo("GOLD");
        at(t0.plus(DAY.multipliedBy(90)).minusSeconds(1));
        job.run();
        assertThat(support.tierOf(member)).isEqualTo("GOLD");

        Instant afterRetention = t0.plus(DAY.multipliedBy(91));
        at(afterRetention);
        job.run();
        assertThat(support.tierOf(member)).isEqualTo("SILVER");
        TierChanged down = support.tierEvents(member, 4).getLast().changed();
        assertThat(down)
                .extracting(TierChanged::from, TierChanged::to, TierChanged::reason, TierChanged::growth)
                .containsExactly("GOLD", "SILVER", "DOWNGRADE", 0L);
        assertThat(down.retainedUntil()).isEqualTo(afterRetention.plus(DAY.multipliedBy(90)));
        assertThat(down.pointsMultiplier()).isEqualTo("1.0");
    }

    @Test
    void aMemberDropsOneTierPerEvaluationNeverMore() {
        String member = reachAt(2_500_000); // growth 25000: DIAMOND
        assertThat(support.tierOf(member)).isEqualTo("DIAMOND");

        Instant firstEvaluation = t0.plus(DAY.multipliedBy(91));
        at(firstEvaluation);
        job.run();
        job.run();
        assertThat(support.tierOf(member)).isEqualTo("PLATINUM");

        at(firstEvaluation.plus(DAY.multipliedBy(35))); // next month, PLATINUM still retained
        job.run();
        assertThat(support.tierOf(member)).isEqualTo("PLATINUM");

        at(firstEvaluation.plus(DAY.multipliedBy(91)));
        job.run();
        assertThat(support.tierOf(member)).isEqualTo("GOLD");
        assertThat(downgrades(member)).containsExactly("DIAMOND>PLATINUM", "PLATINUM>GOLD");
    }

    @Test
    void growthStillAtTheThresholdKeepsTheTierAfterRetention() {
        String member = reachAt(250_000);
        at(t0.plus(DAY.multipliedBy(80)));
        memberships.applyOrder(order(member, clock.instant(), 200_000)); // growth 2000 again, inside the window

        at(t0.plus(DAY.multipliedBy(91)));
        job.run();
        assertThat(support.tierOf(member)).isEqualTo("GOLD");
        assertThat(downgrades(member)).isEmpty();
    }

    @Test
    void runningTwiceAtOnceOnTwoInstancesDowngradesEachMemberOnce() throws Exception {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            members.add(reachAt(900_000)); // PLATINUM
        }
        at(t0.plus(DAY.multipliedBy(91)));

        CyclicBarrier start = new CyclicBarrier(2);
        Callable<Integer> instance = () -> {
            start.await();
            return job.run();
        };
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<Integer> a = pool.submit(instance);
            Future<Integer> b = pool.submit(instance);
            assertThat(a.get() + b.get()).isGreaterThanOrEqualTo(members.size());
        }
        job.run();

        for (String member : members) {
            assertThat(support.tierOf(member)).isEqualTo("GOLD");
            assertThat(downgrades(member)).containsExactly("PLATINUM>GOLD");
        }
        String period = jdbc.sql("SELECT downgrade_period FROM member_tier WHERE member_id = ?")
                .param(members.getFirst())
                .query(String.class)
                .single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM job_run WHERE job = ? AND period = ? AND finished_at IS NOT NULL")
                        .params(DowngradeJob.JOB, period)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    /** A new member whose one order, 300 days before t0, reaches a tier at t0. */
    private String reachAt(long amountFen) {
        String member = "m-" + UUID.randomUUID();
        memberships.applyOrder(order(member, t0.minus(DAY.multipliedBy(300)), amountFen));
        return member;
    }

    private void at(Instant instant) {
        support.awaitOutboxDrained();
        clock.set(instant);
    }

    private List<String> downgrades(String member) {
        return jdbc.sql("SELECT CONCAT(from_tier, '>', to_tier) FROM tier_history "
                        + "WHERE member_id = ? AND reason = 'DOWNGRADE' ORDER BY id")
                .param(member)
                .query(String.class)
                .list();
    }

    private static OrderCompleted order(String member, Instant occurredAt, long amountFen) {
        return new OrderCompleted(
                member, "DINE_IN", "o-" + UUID.randomUUID(), amountFen, null, occurredAt, amountFen / 100);
    }
}
