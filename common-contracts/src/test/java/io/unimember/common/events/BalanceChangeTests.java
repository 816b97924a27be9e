package io.unimember.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BalanceChangeTests {

    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    @Test
    void everyEventOnThePointsTopicCarriesABalance() {
        var pointsEvents = EventTypes.all().stream()
                .filter(type -> EventTypes.topicOf(type).equals(Topics.POINTS))
                .toList();

        assertThat(pointsEvents).isNotEmpty().allSatisfy(type -> assertThat(
                        EventTypes.classOf(EventTypes.nameOf(type), BalanceChange.class))
                .contains(type.asSubclass(BalanceChange.class)));
    }

    @Test
    void eventsOfOtherTopicsAreNoBalanceChange() {
        assertThat(EventTypes.classOf(EventTypes.nameOf(CouponIssued.class), BalanceChange.class))
                .isEmpty();
        assertThat(EventTypes.classOf("no.such.event", BalanceChange.class)).isEmpty();
    }

    @Test
    void aBalanceChangeIsWrittenWithItsRecordsFieldsOnly() {
        var balance = new PointsBalance(70, 30, 100, 4, List.of(new ExpiringPoints(70, Instant.EPOCH)));
        BalanceChange held = new PointsHeld("m-1", "h-1", "DINE_IN", "o-1", 30, Instant.EPOCH, balance);

        var written = json.valueToTree(held);

        assertThat(Set.copyOf(written.propertyNames()))
                .containsExactlyInAnyOrder("memberId", "holdId", "bu", "orderRef", "points", "expiresAt", "balance");
        assertThat(json.treeToValue(written, PointsHeld.class)).isEqualTo(held);
    }
}
