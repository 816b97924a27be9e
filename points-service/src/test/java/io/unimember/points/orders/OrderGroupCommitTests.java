package io.unimember.points.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.unimember.common.idempotency.Idempotency;
import io.unimember.common.idempotency.IdempotentResult;
import io.unimember.points.Api;
import io.unimember.points.LedgerQueries;
import io.unimember.points.PointsIntegrationTest;
import io.unimember.points.earning.BusinessUnits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Order intake's group commit (decision 0018): orders arriving together are accepted in one transaction, and each is
 * decided exactly as it would have been alone — the daily cap, the tier multiplier, debt recovery, a member's later
 * orders seeing the earlier ones — while replays and keys in use are left to the one-by-one path, and a batch that
 * fails writes nothing and gives its orders back.
 */
@PointsIntegrationTest
class OrderGroupCommitTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrderAcceptance acceptance;

    @Autowired
    OrderIntake intake;

    @Autowired
    Idempotency idempotency;

    @Autowired
    BusinessUnits units;

    @Autowired
    MeterRegistry registry;

    @Autowired
    TransactionTemplate tx;

    @Test
    void ordersArrivingTogetherShareTransactionsAndEveryPointCountsOnce() throws Exception {
        double gaveWayBefore = gaveWay();
        long batchesBefore =
                registry.get("unimember.orders.batch.size").summary().count();
        List<String> members = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            members.add(Api.newMember());
        }
        api.order("HOTEL", members.get(0), Api.newId("o"), 10_000); // one member has a balance and a lot already
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(48)) {
            for (int i = 0; i < 144; i++) {
                String member = members.get(i % members.size());
                String bu = (i / members.size()) % 2 == 0 ? "DINE_IN" : "HOTEL";
                long amount = 1_000 + i * 100L;
                replies.add(pool.submit(() -> {
                    start.await();
                    return api.order(bu, member, Api.newId("o"), amount);
                }));
            }
            start.countDown();
            Map<String, Long> earnedBy = new HashMap<>();
            for (int i = 0; i < replies.size(); i++) {
                Api.Reply reply = replies.get(i).get(2, TimeUnit.MINUTES);
                assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
                assertThat(reply.number("pointsEarned")).isEqualTo(10 + i);
                earnedBy.merge(members.get(i % members.size()), reply.number("pointsEarned"), Long::sum);
            }
            earnedBy.merge(members.get(0), 100L, Long::sum);
            for (String member : members) {
                assertThat(LedgerQueries.of(jdbc, member).earned()).isEqualTo(earnedBy.get(member));
                assertThat(api.me(member).number("available")).isEqualTo(earnedBy.get(member));
                // one balance version per order that earned, however the orders were batched
                assertThat(LedgerQueries.count(jdbc, "SELECT version FROM member_balance WHERE member_id = ?", member))
                        .isEqualTo(member.equals(members.get(0)) ? 13 : 12);
                // the lots hold what the balance says, one lot per BU and month
                assertThat(LedgerQueries.count(
                                jdbc, "SELECT SUM(remaining) FROM points_lot WHERE member_id = ?", member))
                        .isEqualTo(earnedBy.get(member));
                assertThat(LedgerQueries.count(jdbc, "SELECT COUNT(*) FROM points_lot WHERE member_id = ?", member))
                        .isEqualTo(2);
            }
        }
        var sizes = registry.get("unimember.orders.batch.size").summary();
        assertThat(sizes.count() - batchesBefore).as("batches").isLessThan(145);
        assertThat(sizes.max()).as("largest batch").isGreaterThan(1);
        assertThat(gaveWay()).isEqualTo(gaveWayBefore);
    }

    @Test
    void aBatchDecidesEachOrderAsItWouldHaveBeenDecidedAlone() {
        Instant now = Instant.now();
        String regular = Api.newMember();
        OrderRequest earlier = new OrderRequest(Api.newId("o"), regular, 50_000L, now.minusSeconds(60), null);
        intake.order("HOTEL", earlier); // 500 points
        String gold = Api.newMember();
        tx.executeWithoutResult(
                status -> jdbc.sql("INSERT INTO member_tier (member_id, tier, points_multiplier, version, updated_at)"
                                + " VALUES (?, 'GOLD', 1.5, 1, NOW())")
                        .param(gold)
                        .update());
        String indebted = Api.newMember();
        String refunded = Api.newId("o");
        api.order("DINE_IN", indebted, refunded, 100_000); // 1,000 points
        String holdId = Api.newId("h");
        api.hold("ENTERTAINMENT", indebted, holdId, 800);
        api.confirm("ENTERTAINMENT", holdId);
        api.refund("DINE_IN", refunded, Api.newId("r"), 100_000); // 800 of it owed
        String capped = Api.newMember();
        String newcomer = Api.newMember();
        String twice = Api.newId("o");

        List<OrderAcceptance.Submitted> batch = List.of(
                submitted("HOTEL", regular, twice, 10_000, now), // 100
                submitted("HOTEL", regular, Api.newId("o"), 15_000, now), // 150
                submitted("HOTEL", earlier), // a replay: left to the one-by-one path
                submitted("HOTEL", regular, twice, 10_000, now), // the same key again in the batch: left too
                submitted("DINE_IN", gold, Api.newId("o"), 10_001, now), // 100.01 × 1.5 → 150
                submitted("HOTEL", indebted, Api.newId("o"), 50_000, now), // 500, all recovered
                submitted("HOTEL", indebted, Api.newId("o"), 50_000, now), // 300 recovered, 200 available
                submitted("HOTEL", capped, Api.newId("o"), 1_500_000, now), // 15,000
                submitted("HOTEL", capped, Api.newId("o"), 1_500_000, now), // 5,000: the cap of 20,000 a day
                submitted("HOTEL", capped, Api.newId("o"), 1_500_000, now), // nothing, still growth
                submitted("HOTEL", newcomer, Api.newId("o"), 99, now)); // under ¥1: nothing, a balance opened

        List<IdempotentResult<OrderReceipt>> results = acceptance.acceptAll(batch);

        assertThat(results.get(0).body()).isEqualTo(new OrderReceipt(twice, 100, 100, false));
        assertThat(results.get(1).body().pointsEarned()).isEqualTo(150);
        assertThat(results.get(2)).isNull();
        assertThat(results.get(3)).isNull();
        assertThat(results.get(4).body().pointsEarned()).isEqualTo(150);
        assertThat(results.get(5).body().pointsEarned()).isEqualTo(500);
        assertThat(results.get(6).body().pointsEarned()).isEqualTo(500);
        assertThat(results.get(7).body())
                .extracting(OrderReceipt::pointsEarned, OrderReceipt::capped)
                .containsExactly(15_000L, false);
        assertThat(results.get(8).body())
                .extracting(OrderReceipt::pointsEarned, OrderReceipt::capped)
                .containsExactly(5_000L, true);
        assertThat(results.get(9).body())
                .extracting(OrderReceipt::pointsEarned, OrderReceipt::growthEarned, OrderReceipt::capped)
                .containsExactly(0L, 15_000L, true);
        assertThat(results.get(10).body().pointsEarned()).isZero();
        assertThat(results).allSatisfy(r -> {
            if (r != null) {
                assertThat(r.status()).isEqualTo(201);
                assertThat(r.replayed()).isFalse();
            }
        });

        assertThat(api.me(regular).number("available")).isEqualTo(750);
        assertThat(api.me(gold).number("available")).isEqualTo(150);
        assertThat(api.me(indebted).number("available")).isEqualTo(200);
        assertThat(LedgerQueries.of(jdbc, indebted).debt()).isZero();
        assertThat(api.me(capped).number("available")).isEqualTo(20_000);
        assertThat(LedgerQueries.balanceRow(jdbc, newcomer)).containsOnly(0);
        assertThat(LedgerQueries.count(jdbc, "SELECT COUNT(*) FROM member_balance WHERE member_id = ?", newcomer))
                .isOne();

        // the orders the batch left out, through the intake as their callers take them: replays of what is stored
        OrderRequest replay = batch.get(2).request();
        IdempotentResult<OrderReceipt> again = intake.order("HOTEL", replay);
        assertThat(again.replayed()).isTrue();
        assertThat(again.body().pointsEarned()).isEqualTo(500);
        IdempotentResult<OrderReceipt> sameKey =
                intake.order("HOTEL", batch.get(3).request());
        assertThat(sameKey.replayed()).isTrue();
        assertThat(sameKey.body()).isEqualTo(results.get(0).body());
        assertThat(api.me(regular).number("available")).isEqualTo(750);
    }

    @Test
    void aBatchThatFailsWritesNothingAndItsOrdersAreTakenOneByOne() {
        double gaveWayBefore = gaveWay();
        String member = Api.newMember();
        String other = Api.newMember();
        Instant now = Instant.now();
        List<OrderAcceptance.Submitted> batch = List.of(
                submitted("HOTEL", other, Api.newId("o"), 10_000, now),
                submitted("HOTEL", member, Api.newId("o"), 20_000, now));
        // an order row without its idempotency key (it cannot happen through the intake): the batch's insert of
        // the orders fails on it, after the keys were claimed and the balances opened
        String broken = batch.get(1).request().orderId();
        tx.executeWithoutResult(status -> jdbc.sql(
                        "INSERT INTO bu_order (bu, order_id, member_id, amount_fen, occurred_at, points_earned,"
                                + " growth_earned, capped, lot_expires_at, created_at)"
                                + " VALUES ('HOTEL', ?, ?, 20000, NOW(), 0, 0, 0, NOW(), NOW())")
                .params(broken, member)
                .update());

        List<IdempotentResult<OrderReceipt>> results = acceptance.acceptAll(batch);

        assertThat(results).containsExactly(null, null);
        assertThat(gaveWay()).isEqualTo(gaveWayBefore + 2);
        assertThat(LedgerQueries.count(
                        jdbc, "SELECT COUNT(*) FROM member_balance WHERE member_id IN (?, ?)", other, member))
                .isZero();
        assertThat(LedgerQueries.count(jdbc, "SELECT COUNT(*) FROM bu_order WHERE member_id = ?", other))
                .isZero();
        assertThat(LedgerQueries.count(
                        jdbc,
                        "SELECT COUNT(*) FROM idempotency_key WHERE idem_key IN (?, ?)",
                        batch.get(0).request().orderId(),
                        broken))
                .isZero();

        // taken one by one, the sound order is accepted; the broken one fails alone, and still writes nothing
        IdempotentResult<OrderReceipt> alone =
                intake.order("HOTEL", batch.get(0).request());
        assertThat(alone.status()).isEqualTo(201);
        assertThat(alone.replayed()).isFalse();
        assertThat(api.me(other).number("available")).isEqualTo(100);
        assertThatThrownBy(() -> intake.order("HOTEL", batch.get(1).request()))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(api.me(member).number("available")).isZero();
        jdbc.sql("DELETE FROM bu_order WHERE bu = 'HOTEL' AND order_id = ?")
                .param(broken)
                .update();
    }

    private OrderAcceptance.Submitted submitted(String bu, String member, String orderId, long amountFen, Instant at) {
        return submitted(bu, new OrderRequest(orderId, member, amountFen, at.minusSeconds(60), null));
    }

    private OrderAcceptance.Submitted submitted(String bu, OrderRequest request) {
        return new OrderAcceptance.Submitted(
                units.require(bu), request, idempotency.claim("order:" + bu, request.orderId(), request));
    }

    private double gaveWay() {
        return registry.get("unimember.orders.batch.gave.way").counter().count();
    }
}
