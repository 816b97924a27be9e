package io.unimember.tier.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.MemberRegistered;
import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.OrderRefunded;
import io.unimember.common.events.TierChanged;
import io.unimember.common.events.TierGrowthChanged;
import io.unimember.common.events.Topics;
import io.unimember.testsupport.TestKafka;
import io.unimember.tier.TierIntegrationTest;
import io.unimember.tier.TierTestSupport;
import io.unimember.tier.TierTestSupport.Published;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Order and member events through Kafka: the inbox applies each once, tier events go out through the outbox. */
@TierIntegrationTest
class OrderEventsTests {

    @Autowired
    TierTestSupport support;

    @Autowired
    JdbcClient jdbc;

    @Test
    void orderDeliveredTwiceEarnsGrowthOnceAndPublishesTierChanged() {
        String member = member();
        String orderId = "o-" + UUID.randomUUID();
        String json = support.send(order(member, "DINE_IN", orderId, 8800));
        await().atMost(Duration.ofSeconds(30)).until(() -> support.orderRecorded("DINE_IN", orderId));

        support.sendAgain(Topics.ORDER, member, json);
        // a later order of the same member shares the partition, so once it is applied the redelivery was too
        String later = "o-" + UUID.randomUUID();
        support.send(order(member, "HOTEL", later, 1200));
        await().atMost(Duration.ofSeconds(30)).until(() -> support.orderRecorded("HOTEL", later));

        assertThat(support.storedGrowth(member)).isEqualTo(88 + 12);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE consumer = ? AND event_id = ?")
                        .params(OrderEventsListener.CONSUMER, envelopeId(json))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        List<Published> events = support.tierEvents(member, 3);
        assertThat(events).hasSize(3);
        assertThat(events.get(0).changed())
                .extracting(TierChanged::from, TierChanged::to, TierChanged::reason, TierChanged::version)
                .containsExactly(null, "REGULAR", "REGISTERED", 1L);
        TierChanged silver = events.get(1).changed();
        assertThat(silver)
                .extracting(TierChanged::from, TierChanged::to, TierChanged::reason, TierChanged::growth)
                .containsExactly("REGULAR", "SILVER", "FIRST_ORDER", 88L);
        assertThat(silver)
                .extracting(
                        TierChanged::toName,
                        TierChanged::nextTier,
                        TierChanged::growthToNext,
                        TierChanged::pointsMultiplier,
                        TierChanged::monthlyCoupons)
                .containsExactly("白银", "GOLD", 2000L - 88, "1.0", 2);
        assertThat(silver.retainedUntil()).isNotNull();
        assertThat(events.get(2).event()).isEqualTo(new TierGrowthChanged(member, "SILVER", 100, "GOLD", 1900, 3));
        assertThat(events.get(0).envelope().source()).isEqualTo("tier-service");
        assertThat(support.version(member)).isEqualTo(3);
    }

    @Test
    void bigFirstOrderCrossingTwoThresholdsPublishesOneChangePerTierInOrder() {
        String member = member();
        support.send(order(member, "TRAVEL", "o-" + UUID.randomUUID(), 250_000));

        List<Published> events = support.tierEvents(member, 3);
        assertThat(events).allMatch(Published::isChange);
        assertThat(events.stream().map(Published::changed).toList())
                .extracting(TierChanged::from, TierChanged::to, TierChanged::reason, TierChanged::version)
                .containsExactly(
                        Tuple.tuple(null, "REGULAR", "REGISTERED", 1L),
                        Tuple.tuple("REGULAR", "SILVER", "FIRST_ORDER", 2L),
                        Tuple.tuple("SILVER", "GOLD", "UPGRADE", 3L));
        TierChanged gold = events.get(2).changed();
        assertThat(gold)
                .extracting(
                        TierChanged::growth,
                        TierChanged::toName,
                        TierChanged::nextTier,
                        TierChanged::growthToNext,
                        TierChanged::pointsMultiplier,
                        TierChanged::monthlyCoupons)
                .containsExactly(2500L, "黄金", "PLATINUM", 5500L, "1.2", 5);
        // Kafka keeps one member's events in order: the offsets follow the versions
        assertThat(TestKafka.records(Topics.TIER, v -> v.contains(member), 3, Duration.ofSeconds(10)).stream()
                        .map(r -> r.offset())
                        .toList())
                .isSorted();
        assertThat(support.tierOf(member)).isEqualTo("GOLD");
        assertThat(support.version(member)).isEqualTo(3);
    }

    @Test
    void registrationStartsAMemberInRegularOnceHoweverOftenDelivered() {
        String member = member();
        String json = support.send(new MemberRegistered(member, Instant.now()));
        support.sendAgain(Topics.MEMBER, member, json);

        List<Published> events = support.tierEvents(member, 1);
        assertThat(events.getFirst().changed())
                .extracting(TierChanged::from, TierChanged::to, TierChanged::reason, TierChanged::nextTier)
                .containsExactly(null, "REGULAR", "REGISTERED", "SILVER");
        String orderId = "o-" + UUID.randomUUID();
        support.send(order(member, "RETAIL", orderId, 500));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SILVER".equals(support.tierOf(member)));
        assertThat(support.tierEvents(member, 2)).hasSize(2);
        assertThat(support.version(member)).isEqualTo(2);
    }

    @Test
    void refundBeforeItsOrderEndsExactlyLikeRefundAfterIt() {
        String inOrder = member();
        String outOfOrder = member();
        String orderA = "o-" + UUID.randomUUID();
        String orderB = "o-" + UUID.randomUUID();

        support.send(order(inOrder, "HOTEL", orderA, 300_000));
        support.send(refund(inOrder, "HOTEL", orderA, 200_000, 300_000));
        support.send(refund(outOfOrder, "HOTEL", orderB, 200_000, 300_000));
        support.send(order(outOfOrder, "HOTEL", orderB, 300_000));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> support.storedGrowth(inOrder) == 1000 && support.storedGrowth(outOfOrder) == 1000);
        // the order made both GOLD when it happened; the refund took growth, not the tier (that is monthly)
        assertThat(support.tierOf(inOrder)).isEqualTo("GOLD");
        assertThat(support.tierOf(outOfOrder)).isEqualTo("GOLD");
        List<Published> inOrderEvents = support.tierEvents(inOrder, 4);
        assertThat(inOrderEvents.getLast().event())
                .isEqualTo(new TierGrowthChanged(inOrder, "GOLD", 1000, "PLATINUM", 7000, 4));
        List<Published> outOfOrderEvents = support.tierEvents(outOfOrder, 3);
        assertThat(outOfOrderEvents.stream().map(Published::changed).toList())
                .extracting(TierChanged::to, TierChanged::growth)
                .containsExactly(Tuple.tuple("REGULAR", 0L), Tuple.tuple("SILVER", 1000L), Tuple.tuple("GOLD", 1000L));
        assertThat(outOfOrderEvents.getLast().changed().growthToNext()).isEqualTo(7000);
        assertThat(support.version(outOfOrder)).isEqualTo(3);
    }

    @Test
    void redeliveredRefundReversesOnce() {
        String member = member();
        String orderId = "o-" + UUID.randomUUID();
        support.send(order(member, "HEALTH", orderId, 100_000));
        await().atMost(Duration.ofSeconds(30)).until(() -> support.orderRecorded("HEALTH", orderId));
        String json = support.send(refund(member, "HEALTH", orderId, 25_000, 100_000));
        support.sendAgain(Topics.ORDER, member, json);
        support.send(refund(member, "HEALTH", orderId, 25_000, 100_000)); // a second, distinct refund
        await().atMost(Duration.ofSeconds(30)).until(() -> support.storedGrowth(member) == 500);

        String sentinel = "o-" + UUID.randomUUID();
        support.send(order(member, "HEALTH", sentinel, 100));
        await().atMost(Duration.ofSeconds(30)).until(() -> support.orderRecorded("HEALTH", sentinel));
        assertThat(support.storedGrowth(member)).isEqualTo(501);
    }

    @Test
    void poisonOrderEventGoesToTheDeadLetterTopicAndLaterOrdersStillApply() {
        String member = member();
        String tooLong = "x".repeat(200);
        support.send(order(member, "DINE_IN", tooLong, 1000));
        assertThat(TestKafka.records(
                        Topics.deadLetter(Topics.ORDER), v -> v.contains(member), 1, Duration.ofSeconds(30)))
                .hasSize(1);

        String orderId = "o-" + UUID.randomUUID();
        support.send(order(member, "DINE_IN", orderId, 1000));
        await().atMost(Duration.ofSeconds(30)).until(() -> support.orderRecorded("DINE_IN", orderId));
        assertThat(support.storedGrowth(member)).isEqualTo(10);
    }

    private static String member() {
        return "m-" + UUID.randomUUID();
    }

    static OrderCompleted order(String member, String bu, String orderId, long amountFen) {
        return new OrderCompleted(member, bu, orderId, amountFen, null, Instant.now(), amountFen / 100);
    }

    static OrderRefunded refund(String member, String bu, String orderId, long refundFen, long orderAmountFen) {
        return new OrderRefunded(
                member, bu, orderId, "r-" + UUID.randomUUID(), refundFen, orderAmountFen, 0, Instant.now());
    }

    private String envelopeId(String json) {
        return json.replaceAll(".*\"eventId\":\"([^\"]+)\".*", "$1");
    }
}
