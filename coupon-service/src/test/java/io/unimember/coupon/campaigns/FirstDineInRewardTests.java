package io.unimember.coupon.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.coupon.Api;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestKafka;
import io.unimember.testsupport.TestOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default reward, now the seeded campaign {@code first-dine-in-order}, end to end over Kafka: order.completed in, the ¥15 神券 issued once, coupon.issued out
 * through the outbox. Also the issue-2 proof for this service: the consumer applies an event once however often it
 * is delivered, and the change it makes is published exactly as committed.
 */
@IntegrationTest
class FirstDineInRewardTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    JsonMapper json;

    @Autowired
    EventCodec codec;

    @Autowired
    OrderCampaigns rewards;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aFirstDineInOrderGrantsTheCouponOnceEvenWhenItsEventIsDeliveredTwice() {
        String member = Api.member();
        String order = envelope(member, "DINE_IN");

        TestKafka.send(Topics.ORDER, member, order);
        TestKafka.send(Topics.ORDER, member, order);
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(order) && rewards(member) == 1);
        String secondOrder = envelope(member, "DINE_IN");
        TestKafka.send(Topics.ORDER, member, secondOrder);
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(secondOrder));

        assertThat(rewards(member)).isEqualTo(1);
        var coupon = jdbc.sql(
                        """
                SELECT c.template_id, c.channel, c.status, TIMESTAMPDIFF(DAY, c.issued_at, c.expires_at) AS days,
                       t.discount_fen, t.scenes, t.funding_bu, t.min_spend_fen
                  FROM coupon c JOIN coupon_template t ON t.id = c.template_id WHERE c.member_id = ?
                """)
                .param(member)
                .query((rs, n) -> List.of(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)))
                .single();
        assertThat(coupon)
                .containsExactly("tpl-first-dine-in-15", "REWARD", "AVAILABLE", "30", "1500", "ALL", "DINE_IN", "0");

        // once the outbox holds nothing of the member's, the topic holds every coupon.issued there will be
        TestOutbox.awaitSent(dataSource, member);
        List<JsonNode> issued =
                TestKafka.recordsUpToNow(Topics.COUPON, v -> v.contains(member) && v.contains("coupon.issued")).stream()
                        .map(r -> json.readTree(r.value()))
                        .toList();
        assertThat(issued.stream()
                        .map(e -> e.path("data").path("couponId").asString())
                        .distinct())
                .as("one coupon announced")
                .hasSize(1);
        JsonNode data = issued.getFirst().path("data");
        assertThat(data.path("channel").asString()).isEqualTo("REWARD");
        assertThat(data.path("discountFen").asLong()).isEqualTo(1500);
        assertThat(data.path("fundingBu").asString()).isEqualTo("DINE_IN");
        assertThat(data.path("scenes").toString()).isEqualTo("[\"ALL\"]");
    }

    @Test
    void dineInOrdersAppliedAtTheSameMomentGrantOneCoupon() throws Exception {
        // one member's events share a partition, so one consumer sees them in turn; several instances during a
        // rebalance could still apply two of them at once, which is what these threads do
        String member = Api.member();
        int orders = 6;
        CountDownLatch start = new CountDownLatch(1);
        try (var threads = Executors.newFixedThreadPool(orders)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                var order =
                        new OrderCompleted(member, "DINE_IN", "o-" + UUID.randomUUID(), 5000, null, Instant.now(), 50);
                done.add(threads.submit(() -> {
                    start.await();
                    return tx.execute(status -> {
                        rewards.onOrderCompleted(order);
                        return null;
                    });
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }

        assertThat(rewards(member)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT outcome FROM campaign_reward WHERE member_id = ?")
                        .param(member)
                        .query(String.class)
                        .list())
                .containsExactly("ISSUED");
    }

    @Test
    void aBatchOfOrdersRewardsEachMembersFirstDineInOnce() {
        String first = Api.member();
        String second = Api.member();
        String rewardedBefore = Api.member();
        String hotelOnly = Api.member();
        tx.executeWithoutResult(s -> rewards.onOrderCompleted(order(rewardedBefore, "DINE_IN")));

        tx.executeWithoutResult(s -> rewards.onOrdersCompleted(List.of(
                order(first, "DINE_IN"),
                order(second, "DINE_IN"),
                order(first, "DINE_IN"),
                order(rewardedBefore, "DINE_IN"),
                order(hotelOnly, "HOTEL"))));

        assertThat(List.of(rewards(first), rewards(second), rewards(rewardedBefore), rewards(hotelOnly)))
                .containsExactly(1L, 1L, 1L, 0L);
        assertThat(jdbc.sql(
                                """
                        SELECT g.outcome FROM campaign_reward g JOIN coupon c ON c.id = g.coupon_id
                         WHERE g.member_id IN (?, ?) ORDER BY g.member_id""")
                        .params(first, second)
                        .query(String.class)
                        .list())
                .containsExactly("ISSUED", "ISSUED");
        assertThat(jdbc.sql("SELECT issued FROM member_template_count WHERE member_id = ?")
                        .param(first)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void ordersInOtherBusinessUnitsGrantNothing() {
        String member = Api.member();
        String hotel = envelope(member, "HOTEL");

        TestKafka.send(Topics.ORDER, member, hotel);
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(hotel));

        assertThat(rewards(member)).isZero();
    }

    private static OrderCompleted order(String member, String bu) {
        return new OrderCompleted(member, bu, "o-" + UUID.randomUUID(), 8800, null, Instant.now(), 88);
    }

    private String envelope(String member, String bu) {
        var order = new OrderCompleted(member, bu, "o-" + UUID.randomUUID(), 8800, null, Instant.now(), 88);
        return codec.toJson(EventEnvelope.wrap(order, "test", Instant.now(), json));
    }

    private boolean applied(String envelope) {
        String eventId = json.readTree(envelope).path("eventId").asString();
        return jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE consumer = ? AND event_id = ?")
                        .params("coupon-service.orders", eventId)
                        .query(Long.class)
                        .single()
                == 1;
    }

    private long rewards(String member) {
        return jdbc.sql("SELECT COUNT(*) FROM coupon WHERE member_id = ? AND channel = 'REWARD'")
                .param(member)
                .query(Long.class)
                .single();
    }
}
