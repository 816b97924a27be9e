package io.unimember.tier.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.TierChanged;
import io.unimember.tier.TierIntegrationTest;
import io.unimember.tier.TierTestSupport;
import io.unimember.tier.TierTestSupport.Published;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A batch of orders applied set-based in one call: members new and known, several orders of one member, an order
 * twice. Each member ends as the orders one by one would leave them: the same growth, tier and steps, each order's
 * growth once.
 */
@TierIntegrationTest
class BatchedOrdersTests {

    @Autowired
    Memberships memberships;

    @Autowired
    TierTestSupport support;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBatchLeavesEveryMemberAsItsOrdersOneByOneWould() {
        String climber = "m-" + UUID.randomUUID();
        String known = "m-" + UUID.randomUUID();
        String single = "m-" + UUID.randomUUID();
        memberships.applyOrder(order(known, "RETAIL", 10_000)); // growth 100, SILVER
        OrderCompleted twice = order(single, "HOTEL", 5_000);

        memberships.applyOrders(List.of(
                order(climber, "DINE_IN", 150_000),
                order(known, "FOOD_DELIVERY", 80_000),
                order(climber, "TRAVEL", 100_000), // 1,500 + 1,000 growth: GOLD at 2,000 on the way
                twice,
                twice,
                order(climber, "HEALTH", 600_000))); // and 6,000 more: PLATINUM at 8,000

        assertThat(support.storedGrowth(climber)).isEqualTo(8_500);
        assertThat(support.tierOf(climber)).isEqualTo("PLATINUM");
        assertThat(history(climber))
                .containsExactly(
                        Tuple.tuple(null, "REGULAR", "REGISTERED"),
                        Tuple.tuple("REGULAR", "SILVER", "FIRST_ORDER"),
                        Tuple.tuple("SILVER", "GOLD", "UPGRADE"),
                        Tuple.tuple("GOLD", "PLATINUM", "UPGRADE"));
        List<Published> events = support.tierEvents(climber, 4);
        assertThat(events.stream().map(Published::version).toList()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(events.getLast().changed())
                .extracting(TierChanged::to, TierChanged::growth)
                .containsExactly("PLATINUM", 8_500L);

        assertThat(support.storedGrowth(known)).isEqualTo(900);
        assertThat(support.tierOf(known)).isEqualTo("SILVER");
        assertThat(support.storedGrowth(single)).isEqualTo(50);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM growth_entry WHERE member_id = ?")
                        .param(single)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theSameBatchAgainChangesNothing() {
        String member = "m-" + UUID.randomUUID();
        List<OrderCompleted> batch = List.of(order(member, "DINE_IN", 120_000), order(member, "RETAIL", 100_000));
        memberships.applyOrders(batch);
        long version = support.version(member);

        memberships.applyOrders(batch);

        assertThat(support.storedGrowth(member)).isEqualTo(2_200);
        assertThat(support.tierOf(member)).isEqualTo("GOLD");
        assertThat(support.version(member)).isEqualTo(version);
        assertThat(history(member)).hasSize(3);
    }

    private List<Tuple> history(String member) {
        return jdbc.sql("SELECT from_tier, to_tier, reason FROM tier_history WHERE member_id = ? ORDER BY version")
                .param(member)
                .query((rs, n) -> Tuple.tuple(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    private static OrderCompleted order(String member, String bu, long amountFen) {
        return new OrderCompleted(member, bu, "o-" + UUID.randomUUID(), amountFen, null, Instant.now(), 0);
    }
}
