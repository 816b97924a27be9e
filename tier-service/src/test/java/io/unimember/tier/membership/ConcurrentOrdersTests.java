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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Many orders of one new member at once, on real threads against the real database. */
@TierIntegrationTest
class ConcurrentOrdersTests {

    @Autowired
    Memberships memberships;

    @Autowired
    TierTestSupport support;

    @Autowired
    JdbcClient jdbc;

    @Test
    void concurrentOrdersAddUpAndTheMembersEventsAreNumberedWithoutGapsOrRepeats() throws Exception {
        String member = "m-" + UUID.randomUUID();
        int threads = 16;
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    memberships.applyOrder(new OrderCompleted(
                            member, "FOOD_DELIVERY", "o-" + UUID.randomUUID(), 25_000, null, Instant.now(), 250));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }

        assertThat(support.storedGrowth(member)).isEqualTo(threads * 250L);
        assertThat(support.tierOf(member)).isEqualTo("GOLD");
        long version = support.version(member);
        List<Published> events = support.tierEvents(member, (int) version);
        assertThat(events.stream().map(Published::version).toList())
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, version).boxed().toList());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM tier_history WHERE member_id = ? AND reason = 'REGISTERED'")
                        .param(member)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT to_tier FROM tier_history WHERE member_id = ? ORDER BY version")
                        .param(member)
                        .query(String.class)
                        .list())
                .containsExactly("REGULAR", "SILVER", "GOLD");
    }
}
