package io.unimember.tier.growth;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.OrderRefunded;
import io.unimember.tier.TierIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The growth ledger against the real database: rates as data, orders once, refunds in any order, the window. */
@TierIntegrationTest
class GrowthLedgerTests {

    private static final Duration DAY = Duration.ofDays(1);

    @Autowired
    GrowthLedger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void eachBusinessUnitEarnsAtItsOwnRateAndAnUnknownOneAtTheDefault() {
        String bu = "BU_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        jdbc.sql("INSERT INTO business_unit (code, name, growth_rate_bp) VALUES (?, 'test', 15000)")
                .param(bu)
                .update();
        String member = member();
        Instant now = Instant.now();

        record(order(member, bu, 10_000, now), now);
        record(order(member, "NOT_A_KNOWN_BU", 10_000, now), now);

        assertThat(ledger.rollingGrowth(member, now)).isEqualTo(150 + 100);
    }

    @Test
    void theSameOrderCountsOnceEvenUnderANewEventId() {
        String member = member();
        Instant now = Instant.now();
        OrderCompleted order = order(member, "HOTEL", 50_000, now);

        assertThat(record(order, now).recorded()).isTrue();
        assertThat(record(order, now).recorded()).isFalse();
        assertThat(ledger.rollingGrowth(member, now)).isEqualTo(500);
    }

    @Test
    void partialRefundsInAnyOrderReverseTheWholeOrderWhenTheyAddUpToIt() {
        String member = member();
        Instant now = Instant.now();
        OrderCompleted order = order(member, "RETAIL", 1_000, now); // growth 10
        tx.executeWithoutResult(s -> ledger.recordRefund(refund(order, 333), now)); // before the order
        GrowthLedger.OrderOutcome outcome = record(order, now);
        assertThat(outcome.reversedAtOnce()).isEqualTo(3);
        tx.executeWithoutResult(s -> ledger.recordRefund(refund(order, 333), now));
        tx.executeWithoutResult(s -> ledger.recordRefund(refund(order, 334), now));

        assertThat(ledger.rollingGrowth(member, now)).isZero();
    }

    @Test
    void growthCountsForItsDayAndThe364AfterThenFallsOut() {
        String member = member();
        Instant t0 = Instant.parse("2026-06-15T04:00:00Z"); // noon in Shanghai
        record(order(member, "DINE_IN", 20_000, t0), t0);

        assertThat(ledger.rollingGrowth(member, t0.plus(DAY.multipliedBy(364)))).isEqualTo(200);
        assertThat(ledger.rollingGrowth(member, t0.plus(DAY.multipliedBy(365)))).isZero();
    }

    @Test
    void anOrderDatedInTheFutureCountsFromTodayNotLonger() {
        String member = member();
        Instant now = Instant.parse("2026-06-15T04:00:00Z");
        record(order(member, "TRAVEL", 20_000, now.plus(DAY.multipliedBy(500))), now);

        assertThat(ledger.rollingGrowth(member, now)).isEqualTo(200);
        assertThat(ledger.rollingGrowth(member, now.plus(DAY.multipliedBy(365))))
                .isZero();
    }

    private GrowthLedger.OrderOutcome record(OrderCompleted order, Instant now) {
        return tx.execute(s -> ledger.recordOrder(order, now));
    }

    private static String member() {
        return "m-" + UUID.randomUUID();
    }

    private static OrderCompleted order(String member, String bu, long amountFen, Instant occurredAt) {
        return new OrderCompleted(member, bu, "o-" + UUID.randomUUID(), amountFen, null, occurredAt, 0);
    }

    private static OrderRefunded refund(OrderCompleted order, long refundFen) {
        return new OrderRefunded(
                order.memberId(),
                order.bu(),
                order.orderId(),
                "r-" + UUID.randomUUID(),
                refundFen,
                order.amountFen(),
                0,
                order.occurredAt());
    }
}
