package io.unimember.settlement.periods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NettingTests {

    private static final List<String> PARTIES =
            List.of("FOOD_DELIVERY", "DINE_IN", "HOTEL", "TRAVEL", "ENTERTAINMENT", "HEALTH", "RETAIL", "PLATFORM");

    @Test
    void obligationsBothWaysAreSetOffIntoOneNetAmount() {
        var result = Netting.net(List.of(
                new Obligation("HOTEL", "DINE_IN", 1_000),
                new Obligation("DINE_IN", "HOTEL", 300),
                new Obligation("HOTEL", "DINE_IN", 50)));

        assertThat(result.positions()).containsExactly(new NetPosition("HOTEL", "DINE_IN", 750));
        assertThat(result.partyNets()).containsExactly(new PartyNet("DINE_IN", 750), new PartyNet("HOTEL", -750));
    }

    @Test
    void theNetRunsFromWhoeverOwesMore() {
        var result =
                Netting.net(List.of(new Obligation("DINE_IN", "HOTEL", 200), new Obligation("HOTEL", "DINE_IN", 500)));

        assertThat(result.positions()).containsExactly(new NetPosition("HOTEL", "DINE_IN", 300));
    }

    @Test
    void exactlyOffsettingObligationsLeaveAZeroPositionInPairOrder() {
        var result =
                Netting.net(List.of(new Obligation("RETAIL", "HEALTH", 400), new Obligation("HEALTH", "RETAIL", 400)));

        assertThat(result.positions()).containsExactly(new NetPosition("HEALTH", "RETAIL", 0));
        assertThat(result.partyNets()).containsExactly(new PartyNet("HEALTH", 0), new PartyNet("RETAIL", 0));
    }

    @Test
    void reversalsReduceWhatIsOwedAndCanTurnTheDirection() {
        var result = Netting.net(
                List.of(new Obligation("PLATFORM", "TRAVEL", 1_000), new Obligation("PLATFORM", "TRAVEL", -1_200)));

        assertThat(result.positions()).containsExactly(new NetPosition("TRAVEL", "PLATFORM", 200));
    }

    @Test
    void pairsAreNettedSeparatelyNotAcrossParties() {
        var result = Netting.net(List.of(
                new Obligation("HOTEL", "DINE_IN", 100),
                new Obligation("DINE_IN", "RETAIL", 100),
                new Obligation("RETAIL", "HOTEL", 100)));

        assertThat(result.positions())
                .containsExactly(
                        new NetPosition("DINE_IN", "RETAIL", 100),
                        new NetPosition("HOTEL", "DINE_IN", 100),
                        new NetPosition("RETAIL", "HOTEL", 100));
        assertThat(result.partyNets())
                .allSatisfy(net -> assertThat(net.netFen()).isZero());
    }

    @Test
    void partyNetsSumToZeroAndEqualDueMinusOwedForAnyMixOfObligations() {
        Random random = new Random(20260101);
        for (int round = 0; round < 200; round++) {
            List<Obligation> obligations = randomObligations(random, 1 + random.nextInt(60));
            var result = Netting.net(obligations);

            assertThat(result.partyNets().stream().mapToLong(PartyNet::netFen).sum())
                    .isZero();
            for (PartyNet net : result.partyNets()) {
                long due = obligations.stream()
                        .filter(o -> o.creditor().equals(net.party()))
                        .mapToLong(Obligation::amountFen)
                        .sum();
                long owed = obligations.stream()
                        .filter(o -> o.debtor().equals(net.party()))
                        .mapToLong(Obligation::amountFen)
                        .sum();
                assertThat(net.netFen()).isEqualTo(due - owed);
            }
            assertThat(result.positions())
                    .allSatisfy(p -> assertThat(p.netFen()).isNotNegative());
        }
    }

    @Test
    void theResultDoesNotDependOnTheOrderOfObligations() {
        Random random = new Random(7);
        List<Obligation> obligations = randomObligations(random, 80);
        List<Obligation> shuffled = new ArrayList<>(obligations);
        Collections.shuffle(shuffled, random);

        assertThat(Netting.net(shuffled)).isEqualTo(Netting.net(obligations));
    }

    @Test
    void nothingOwedNetsToNothing() {
        var result = Netting.net(List.of());

        assertThat(result.positions()).isEmpty();
        assertThat(result.partyNets()).isEmpty();
    }

    @Test
    void aPartyCannotOweItself() {
        assertThatThrownBy(() -> new Obligation("HOTEL", "HOTEL", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Obligation> randomObligations(Random random, int count) {
        List<Obligation> obligations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String debtor = PARTIES.get(random.nextInt(PARTIES.size()));
            String creditor;
            do {
                creditor = PARTIES.get(random.nextInt(PARTIES.size()));
            } while (creditor.equals(debtor));
            obligations.add(new Obligation(debtor, creditor, random.nextInt(100_000) - 5_000));
        }
        return obligations;
    }
}
