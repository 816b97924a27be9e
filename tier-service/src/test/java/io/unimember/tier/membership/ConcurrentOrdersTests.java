package io.unimember.tier.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.OrderCompleted;
import io.unimember.tier.TierIntegrationTest;
import io.unimember.tier.TierTestSupport;
import io.unimember.tier.TierTestSupport.Published;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new member's registration and many orders at once, on real threads against the real database: the row is
 * created once without deadlocks, growth adds up, and the member's events are numbered without gaps or repeats.
 */
@TierIntegrationTest
class ConcurrentOrdersTests {

    private static final int THREADS = 16;

    @Autowired
    Memberships memberships;

    @Autowired
    TierTestSupport support;

    @Autowired
    JdbcClient jdbc;

    @RepeatedTest(4)
    void registrationAndOrdersRacingForANewMemberAllApplyOnce() throws Exception {
        String member = "m-" + UUID.randomUUID();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int i = 0; i < THREADS; i++) {
                boolean registration = i == 0;
                done.add(pool.submit(() -> {
                    start.await();
                    if (registration) {
                        memberships.register(member, Instant.now());
                    } else {
                        memberships.applyOrder(new OrderCompleted(
                                member, "FOOD_DELIVERY", "o-" + UUID.randomUUID(), 25_000, null, Instant.now(), 250));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }

        assertThat(support.storedGrowth(member)).isEqualTo((THREADS - 1) * 250L);
        assertThat(support.tierOf(member)).isEqualTo("GOLD");
        long version = support.version(member);
        List<Published> events = support.tierEvents(member, (int) version);
        assertThat(events.stream().map(Published::version).toList())
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, version).boxed().toList());
        assertThat(jdbc.sql("SELECT to_tier FROM tier_history WHERE member_id = ? ORDER BY version")
                        .param(member)
                        .query(String.class)
                        .list())
                .containsExactly("REGULAR", "SILVER", "GOLD");
        assertThat(jdbc.sql("SELECT registered_at IS NOT NULL FROM member_tier WHERE member_id = ?")
                        .param(member)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }
}
