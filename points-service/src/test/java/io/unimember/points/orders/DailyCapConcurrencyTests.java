package io.unimember.points.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.points.Api;
import io.unimember.points.LedgerQueries;
import io.unimember.points.PointsIntegrationTest;
import io.unimember.testsupport.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PointsIntegrationTest
class DailyCapConcurrencyTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theDailyCapHoldsAcrossConcurrentOrdersOfANewMember() throws Exception {
        String member = Api.newMember();
        // 10:00 in Shanghai, well inside one business day
        clock.travelTo(Instant.parse("2026-06-15T02:00:00Z"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(40);
        List<Future<Api.Reply>> replies = IntStream.range(0, 40)
                .mapToObj(i -> pool.submit(() -> {
                    start.await();
                    return api.order("FOOD_DELIVERY", member, Api.newId("o"), 100_000); // 1,000 points each
                }))
                .toList();
        start.countDown();
        long earned = 0;
        long growth = 0;
        int capped = 0;
        for (Future<Api.Reply> f : replies) {
            Api.Reply reply = f.get(2, TimeUnit.MINUTES);
            assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
            earned += reply.number("pointsEarned");
            growth += reply.number("growthEarned");
            capped += reply.json().path("capped").asBoolean() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(earned).isEqualTo(20_000);
        assertThat(growth).isEqualTo(40_000);
        assertThat(capped).isEqualTo(20);
        assertThat(LedgerQueries.of(jdbc, member).earned()).isEqualTo(20_000);
        assertThat(api.me(member).number("available")).isEqualTo(20_000);

        clock.advance(Duration.ofHours(12)); // 22:00 in Shanghai: same day
        assertThat(api.order("FOOD_DELIVERY", member, Api.newId("o"), 100_000).number("pointsEarned"))
                .isZero();
        clock.advance(Duration.ofHours(2)); // 00:00 next day in Shanghai
        Api.Reply nextDay = api.order("FOOD_DELIVERY", member, Api.newId("o"), 100_000);
        assertThat(nextDay.number("pointsEarned")).isEqualTo(1_000);
        assertThat(nextDay.json().path("capped").asBoolean()).isFalse();
    }
}
