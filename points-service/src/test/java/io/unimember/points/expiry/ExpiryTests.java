package io.unimember.points.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.Topics;
import io.unimember.points.Api;
import io.unimember.points.LedgerQueries;
import io.unimember.points.PointsIntegrationTest;
import io.unimember.testsupport.TestClock;
import io.unimember.testsupport.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PointsIntegrationTest
class ExpiryTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    ExpiryJob expiry;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void lotsExpireOldestFirstAtTheEndOfTheTwelfthMonth() {
        String member = Api.newMember();
        clock.travelTo(Instant.parse("2025-01-10T04:00:00Z"));
        api.order("DINE_IN", member, Api.newId("o"), 10_000); // 100, gone from 2026-02-01 Shanghai
        clock.travelTo(Instant.parse("2025-03-10T04:00:00Z"));
        api.order("HOTEL", member, Api.newId("o"), 20_000); // 200, gone from 2026-04-01 Shanghai
        String holdId = Api.newId("h");
        api.hold("RETAIL", member, holdId, 50); // takes 50 of the January lot, the oldest
        api.confirm("RETAIL", holdId);

        clock.travelTo(Instant.parse("2026-01-31T15:59:00Z")); // 23:59 on 31 January in Shanghai
        expiry.run();
        assertThat(api.me(member).number("available")).isEqualTo(250);

        clock.travelTo(Instant.parse("2026-01-31T16:00:30Z")); // just past midnight: the January lot is gone
        expiry.run();
        Api.Reply me = api.me(member);
        assertThat(me.number("available")).isEqualTo(200);
        assertThat(me.json().path("expiring").get(0).path("expiresAt").asString())
                .isEqualTo("2026-03-31T16:00:00Z");
        assertThat(LedgerQueries.of(jdbc, member).expired()).isEqualTo(50);

        clock.travelTo(Instant.parse("2026-04-02T00:00:00Z"));
        expiry.run();
        assertThat(api.me(member).number("available")).isZero();
        var ledger = LedgerQueries.of(jdbc, member);
        assertThat(ledger.expired()).isEqualTo(250);
        assertThat(ledger.available() + ledger.frozen() + ledger.spent() + ledger.expired())
                .isEqualTo(ledger.earned());
        assertThat(expiredByIssuingBu(member)).containsExactly(List.of("DINE_IN", 50L), List.of("HOTEL", 200L));
        assertThat(TestKafka.records(
                        Topics.POINTS,
                        v -> v.contains("\"points.expired\"") && v.contains(member),
                        2,
                        Duration.ofSeconds(30)))
                .hasSize(2);
    }

    @Test
    void runningOnSeveralInstancesAtOnceExpiresEachPointOnce() throws Exception {
        List<String> members = List.of(Api.newMember(), Api.newMember(), Api.newMember());
        clock.travelTo(Instant.parse("2025-05-20T04:00:00Z"));
        for (String member : members) {
            api.order("TRAVEL", member, Api.newId("o"), 30_000);
            api.order("HEALTH", member, Api.newId("o"), 12_300);
        }
        clock.travelTo(Instant.parse("2026-06-01T00:00:00Z"));

        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Long>> runs = pool.invokeAll(List.<Callable<Long>>of(expiry::run, expiry::run, expiry::run));
        pool.shutdown();
        for (Future<Long> run : runs) {
            run.get();
        }
        expiry.run();

        for (String member : members) {
            assertThat(LedgerQueries.of(jdbc, member).expired()).isEqualTo(423);
            assertThat(LedgerQueries.count(
                            jdbc,
                            "SELECT COUNT(*) FROM ledger_transfer WHERE member_id = ? AND kind = 'EXPIRE'",
                            member))
                    .isEqualTo(1);
            assertThat(api.me(member).number("available")).isZero();
        }
    }

    @Test
    void frozenPointsDoNotExpireUntilTheirHoldLetsThemGo() {
        String member = Api.newMember();
        clock.travelTo(Instant.parse("2025-02-10T04:00:00Z"));
        api.order("DINE_IN", member, Api.newId("o"), 10_000);
        clock.travelTo(Instant.parse("2026-02-28T15:55:00Z")); // five minutes before the lot expires
        String holdId = Api.newId("h");
        api.hold("RETAIL", member, holdId, 30);

        clock.travelTo(Instant.parse("2026-02-28T16:01:00Z"));
        expiry.run();
        assertThat(api.me(member).number("available")).isZero();
        assertThat(api.me(member).number("frozen")).isEqualTo(30);

        clock.advance(Duration.ofMinutes(20));
        api.cancel("RETAIL", holdId); // too late: the job releases it instead
        expiryAfterRelease();
        assertThat(api.me(member).number("frozen")).isZero();
        assertThat(api.me(member).number("available")).isZero();
        assertThat(LedgerQueries.of(jdbc, member).expired()).isEqualTo(100);
    }

    @Autowired
    io.unimember.points.holds.HoldReleaseJob releaseJob;

    private void expiryAfterRelease() {
        releaseJob.run();
        expiry.run();
    }

    private List<List<Object>> expiredByIssuingBu(String member) {
        return jdbc.sql("SELECT e.account_ref, SUM(e.amount) FROM ledger_entry e JOIN ledger_transfer t"
                        + " ON t.transfer_id = e.transfer_id WHERE t.member_id = ? AND e.account_type = 'EXPIRY'"
                        + " GROUP BY e.account_ref ORDER BY e.account_ref")
                .param(member)
                .query((rs, n) -> List.<Object>of(rs.getString(1), rs.getLong(2)))
                .list();
    }
}
