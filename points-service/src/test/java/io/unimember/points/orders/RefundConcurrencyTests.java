package io.unimember.points.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.points.Api;
import io.unimember.points.LedgerQueries;
import io.unimember.points.PointsIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PointsIntegrationTest
class RefundConcurrencyTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    /**
     * 25 partial refunds of ¥10 each hit a ¥200 order paid with 1,001 points at once, each sent twice (and again after a 503, as a BU would): 20 fit the order
     * and 5 must be refused. Whatever the interleaving, the points given back add up to exactly the 1,001 spent (never
     * more), each refund id gives back once, and the ledger agrees.
     */
    @Test
    void twentyConcurrentPartialRefundsNeverGiveBackMoreThanWasSpent() throws Exception {
        String member = Api.newMember();
        api.order("HOTEL", member, Api.newId("o"), 200_000); // 2,000 points
        String orderId = Api.newId("o");
        api.spendOn("DINE_IN", member, orderId, 1_001);
        api.order("DINE_IN", member, orderId, 20_000); // 200 points
        List<String> refundIds = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            refundIds.add(Api.newId("r"));
        }

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(25)) {
            for (String refundId : refundIds) {
                for (int copy = 0; copy < 2; copy++) {
                    replies.add(pool.submit(() -> {
                        start.await();
                        return refundAsABuWould(orderId, refundId);
                    }));
                }
            }
            start.countDown();
        }

        List<Api.Reply> created = new ArrayList<>();
        int refused = 0;
        for (Future<Api.Reply> f : replies) {
            Api.Reply reply = f.get();
            if (reply.status() == 201) {
                created.add(reply);
            } else {
                assertThat(reply.status()).as(reply.raw()).isEqualTo(409);
                assertThat(reply.code()).isEqualTo("REFUND_EXCEEDS_ORDER");
                refused++;
            }
        }
        List<String> refunded =
                created.stream().map(r -> r.text("refundId")).distinct().toList();
        assertThat(refunded).hasSize(20);
        assertThat(created).as("both copies of an accepted refund answer 201").hasSize(40);
        assertThat(refused).isEqualTo(10);
        long returned = created.stream()
                .filter(distinctFirst())
                .mapToLong(r -> r.number("pointsReturned"))
                .sum();
        assertThat(returned).isEqualTo(1_001);
        assertThat(LedgerQueries.count(
                        jdbc,
                        "SELECT COALESCE(SUM(points_returned), 0) FROM order_refund WHERE bu = ? AND order_id = ?",
                        "DINE_IN",
                        orderId))
                .isEqualTo(1_001);
        assertThat(created.stream()
                        .collect(java.util.stream.Collectors.groupingBy(
                                r -> r.text("refundId"),
                                java.util.stream.Collectors.mapping(
                                        Api.Reply::raw, java.util.stream.Collectors.toSet()))))
                .as("the two copies of a refund id answer the same: it returned once")
                .allSatisfy((id, bodies) -> assertThat(bodies).hasSize(1));
        assertThat(LedgerQueries.count(
                        jdbc,
                        "SELECT COUNT(*) - COUNT(DISTINCT reference) FROM ledger_transfer WHERE kind = 'RETURN' AND bu = ?"
                                + " AND member_id = ?",
                        "DINE_IN",
                        member))
                .as("at most one RETURN transfer per refund id")
                .isZero();
        assertThat(LedgerQueries.of(jdbc, member).spent()).isZero();
        assertThat(api.me(member).number("available")).isEqualTo(2_000);
    }

    /**
     * 50 requests on one member's lock outnumber the 20 connections: one that waits longer than the pool's timeout is
     * answered 503 with nothing changed, and a BU sends the same refund again, as the test does (at most 20 times).
     */
    private Api.Reply refundAsABuWould(String orderId, String refundId) throws InterruptedException {
        Api.Reply reply = api.refund("DINE_IN", orderId, refundId, 1_000);
        for (int attempt = 1; reply.status() == 503 && attempt < 20; attempt++) {
            Thread.sleep(100);
            reply = api.refund("DINE_IN", orderId, refundId, 1_000);
        }
        return reply;
    }

    /** Keeps the first reply of each refund id (the copies answer the same). */
    private static java.util.function.Predicate<Api.Reply> distinctFirst() {
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        return r -> seen.add(r.text("refundId"));
    }
}
