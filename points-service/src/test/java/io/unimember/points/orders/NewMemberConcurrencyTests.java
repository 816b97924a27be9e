package io.unimember.points.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.points.Api;
import io.unimember.points.LedgerQueries;
import io.unimember.points.PointsIntegrationTest;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The first orders of a new member racing to open its balance: whichever creates the row, the others find it (at its
 * opening state after orders that earned nothing, changed after orders that earned) and every point is counted once.
 */
@PointsIntegrationTest
class NewMemberConcurrencyTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @RepeatedTest(3)
    void concurrentFirstOrdersOfANewMemberAllCount() throws Exception {
        String member = Api.newMember();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(24)) {
            // every third order is under ¥1 and earns nothing, so it leaves the new row at its opening state
            List<Future<Api.Reply>> replies = IntStream.range(0, 24)
                    .mapToObj(i -> pool.submit(() -> {
                        start.await();
                        return api.order("FOOD_DELIVERY", member, Api.newId("o"), i % 3 == 0 ? 50 : 1_000);
                    }))
                    .toList();
            start.countDown();
            long earned = 0;
            for (Future<Api.Reply> f : replies) {
                Api.Reply reply = f.get(2, TimeUnit.MINUTES);
                assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
                earned += reply.number("pointsEarned");
            }
            assertThat(earned).isEqualTo(16 * 10);
            assertThat(LedgerQueries.of(jdbc, member).earned()).isEqualTo(earned);
            assertThat(api.me(member).number("available")).isEqualTo(earned);
            assertThat(jdbc.sql("SELECT version FROM member_balance WHERE member_id = ?")
                            .param(member)
                            .query(Long.class)
                            .single())
                    .isEqualTo(16);
        }
    }
}
