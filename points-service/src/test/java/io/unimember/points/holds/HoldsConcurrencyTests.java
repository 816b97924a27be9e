package io.unimember.points.holds;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.points.Api;
import io.unimember.points.LedgerQueries;
import io.unimember.points.LedgerQueries.MemberLedger;
import io.unimember.points.PointsIntegrationTest;
import io.unimember.testsupport.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PointsIntegrationTest
class HoldsConcurrencyTests {

    private static final int THREADS = 200;
    private static final long EARNED = 1_000;

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    HoldReleaseJob releaseJob;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /**
     * 200 threads hold 1–37 points each of a member who has 1,000 (so about half must be refused), then confirm,
     * cancel, confirm twice or walk away. Throughout, available never goes below zero; at the end, every point earned
     * is available, frozen, spent or expired, exactly, by the ledger's own entries.
     */
    @Test
    void twoHundredThreadsHoldingConfirmingAndCancellingNeverOverspend() throws Exception {
        String member = Api.newMember();
        assertThat(api.order("DINE_IN", member, Api.newId("o"), EARNED * 100).number("pointsEarned"))
                .isEqualTo(EARNED);
        String prefix = Api.newId("h");
        Map<Integer, Integer> holdStatus = new ConcurrentHashMap<>();
        Map<Integer, String> confirmed = new ConcurrentHashMap<>();
        Map<String, Integer> unexpected = new ConcurrentHashMap<>();
        AtomicLong lowestAvailable = new AtomicLong(Long.MAX_VALUE);
        AtomicLong lowestFrozen = new AtomicLong(Long.MAX_VALUE);
        AtomicBoolean storm = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);

        Thread watcher = Thread.ofPlatform().start(() -> {
            while (storm.get()) {
                long[] row = LedgerQueries.balanceRow(jdbc, member);
                lowestAvailable.accumulateAndGet(row[0], Math::min);
                lowestFrozen.accumulateAndGet(row[1], Math::min);
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Object>> done = IntStream.range(0, THREADS)
                .mapToObj(i -> pool.<Object>submit(() -> {
                    start.await();
                    String holdId = prefix + "-" + i;
                    long points = 1 + i % 37;
                    Api.Reply hold = api.hold("ENTERTAINMENT", member, holdId, points);
                    holdStatus.put(i, hold.status());
                    if (hold.status() != 201) {
                        expect(unexpected, hold, 409, "POINTS_INSUFFICIENT");
                        return null;
                    }
                    switch (i % 4) {
                        case 0 -> {
                            Api.Reply c = api.confirm("ENTERTAINMENT", holdId);
                            confirmed.put(i, c.status() + ":" + c.text("status"));
                            expect(unexpected, api.cancel("ENTERTAINMENT", holdId), 409, "HOLD_ALREADY_RESOLVED");
                        }
                        case 1 -> {
                            expect(unexpected, api.cancel("ENTERTAINMENT", holdId), 200, null);
                            expect(unexpected, api.confirm("ENTERTAINMENT", holdId), 409, "HOLD_ALREADY_RESOLVED");
                        }
                        case 2 -> {
                            Api.Reply c = api.confirm("ENTERTAINMENT", holdId);
                            Api.Reply again = api.confirm("ENTERTAINMENT", holdId);
                            confirmed.put(i, c.status() + ":" + c.text("status"));
                            if (!again.raw().equals(c.raw())) {
                                unexpected.merge("second confirm differs: " + again.raw(), 1, Integer::sum);
                            }
                        }
                        default -> {
                            // walk away: the release job frees it
                        }
                    }
                    return null;
                }))
                .toList();
        start.countDown();
        for (Future<Object> f : done) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        clock.advance(Duration.ofMinutes(16));
        releaseJob.run();
        storm.set(false);
        watcher.join();

        assertThat(unexpected).isEmpty();
        assertThat(holdStatus).hasSize(THREADS);
        assertThat(holdStatus.values()).contains(201, 409);
        assertThat(lowestAvailable.get()).isGreaterThanOrEqualTo(0);
        assertThat(lowestFrozen.get()).isGreaterThanOrEqualTo(0);
        long spentByHolds = confirmed.entrySet().stream()
                .filter(e -> e.getValue().equals("200:CONFIRMED"))
                .mapToLong(e -> 1 + e.getKey() % 37)
                .sum();
        MemberLedger ledger = LedgerQueries.of(jdbc, member);
        assertThat(ledger.earned()).isEqualTo(EARNED);
        assertThat(ledger.frozen()).isZero();
        assertThat(ledger.spent()).isEqualTo(spentByHolds).isPositive();
        assertThat(ledger.available() + ledger.frozen() + ledger.spent() + ledger.expired())
                .isEqualTo(ledger.earned());
        long[] row = LedgerQueries.balanceRow(jdbc, member);
        assertThat(row[0]).isEqualTo(ledger.available());
        assertThat(row[1]).isEqualTo(ledger.frozen());
        assertThat(LedgerQueries.count(
                        jdbc, "SELECT COUNT(*) FROM ledger_transfer WHERE member_id = ? AND kind = 'REDEEM'", member))
                .isEqualTo(confirmed.values().stream()
                        .filter("200:CONFIRMED"::equals)
                        .count());
        assertThat(LedgerQueries.count(
                        jdbc, "SELECT COUNT(*) FROM points_hold WHERE member_id = ? AND status = 'HELD'", member))
                .isZero();
    }

    private static void expect(Map<String, Integer> unexpected, Api.Reply reply, int status, String code) {
        if (reply.status() != status || (code != null && !code.equals(reply.code()))) {
            unexpected.merge(reply.status() + " " + reply.raw(), 1, Integer::sum);
        }
    }
}
