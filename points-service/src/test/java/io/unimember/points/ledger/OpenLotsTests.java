package io.unimember.points.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unimember.common.events.ExpiringPoints;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenLotsTests {

    private static final Instant JAN = Instant.parse("2026-01-31T16:00:00Z");
    private static final Instant FEB = Instant.parse("2026-02-28T16:00:00Z");
    private static final Instant MAR = Instant.parse("2026-03-31T16:00:00Z");

    private OpenLots lots() {
        return new OpenLots(List.of(
                new OpenLots.Lot(3, "HOTEL", MAR, 300),
                new OpenLots.Lot(1, "DINE_IN", JAN, 100),
                new OpenLots.Lot(2, "RETAIL", FEB, 200),
                new OpenLots.Lot(4, "TRAVEL", FEB, 50)));
    }

    @Test
    void takesFromTheOldestLotsFirst() {
        OpenLots lots = lots();

        List<Allocation> taken = lots.takeOldest(320);

        assertThat(taken)
                .containsExactly(
                        new Allocation(1, "DINE_IN", JAN, 100),
                        new Allocation(2, "RETAIL", FEB, 200),
                        new Allocation(4, "TRAVEL", FEB, 20));
        assertThat(lots.total()).isEqualTo(650 - 320);
    }

    @Test
    void preferredLotsGiveFirstThenTheOldest() {
        OpenLots lots = lots();

        List<Allocation> taken = lots.take(350, lot -> lot.bu.equals("HOTEL"));

        assertThat(taken).containsExactly(new Allocation(3, "HOTEL", MAR, 300), new Allocation(1, "DINE_IN", JAN, 50));
    }

    @Test
    void neverTakesMoreThanTheLotsHold() {
        assertThatThrownBy(() -> lots().takeOldest(651)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void expiredLotsAreTakenWhole() {
        OpenLots lots = lots();

        List<Allocation> expired = lots.takeExpired(FEB);

        assertThat(expired)
                .containsExactly(
                        new Allocation(1, "DINE_IN", JAN, 100),
                        new Allocation(2, "RETAIL", FEB, 200),
                        new Allocation(4, "TRAVEL", FEB, 50));
        assertThat(lots.total()).isEqualTo(300);
    }

    @Test
    void expiringGroupsLotsByDateSoonestFirst() {
        OpenLots lots = lots();
        lots.credit(0, "FOOD_DELIVERY", MAR, 5);

        assertThat(lots.expiring(2)).containsExactly(new ExpiringPoints(100, JAN), new ExpiringPoints(250, FEB));
        assertThat(lots.expiring(5)).last().isEqualTo(new ExpiringPoints(305, MAR));
    }
}
