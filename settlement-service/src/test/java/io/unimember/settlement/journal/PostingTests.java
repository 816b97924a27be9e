package io.unimember.settlement.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.settlement.BenefitType;
import io.unimember.settlement.periods.PeriodKey;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PostingTests {

    private static final PeriodKey MARCH = PeriodKey.parse("2026-03");

    @Test
    void theOwingPartyGetsAPayableAndTheOwedPartyAReceivableThatSumToZero() {
        Posting posting = points(
                new Posting.Item("HOTEL", "DINE_IN", 700, 8_000, 4L, 560),
                new Posting.Item("RETAIL", "DINE_IN", 300, 10_000, null, 300));

        assertThat(posting.lines())
                .containsExactly(
                        new Posting.Line("HOTEL", "DINE_IN", Account.PAYABLE, -560),
                        new Posting.Line("DINE_IN", "HOTEL", Account.RECEIVABLE, 560),
                        new Posting.Line("RETAIL", "DINE_IN", Account.PAYABLE, -300),
                        new Posting.Line("DINE_IN", "RETAIL", Account.RECEIVABLE, 300));
        assertThat(posting.lines().stream().mapToLong(Posting.Line::amountFen).sum())
                .isZero();
    }

    @Test
    void aRedemptionWithinOnePartyIsKeptButSettlesNothing() {
        Posting posting = points(Posting.Item.internal("DINE_IN", 1_000));

        assertThat(posting.items()).singleElement().satisfies(item -> {
            assertThat(item.crossParty()).isFalse();
            assertThat(item.faceFen()).isEqualTo(1_000);
            assertThat(item.amountFen()).isZero();
        });
        assertThat(posting.lines()).isEmpty();
    }

    @Test
    void aReversalNegatesEveryLineSoThePairOfPostingsSumsToZeroPerParty() {
        Posting original =
                points(new Posting.Item("HOTEL", "DINE_IN", 700, 8_000, 4L, 560), Posting.Item.internal("DINE_IN", 50));
        UUID reversalEvent = UUID.randomUUID();

        Posting reversal = original.reversal(42L, reversalEvent, "points.redemption-reversed", MARCH.next());

        assertThat(reversal.reversesPostingId()).isEqualTo(42L);
        assertThat(reversal.eventId()).isEqualTo(reversalEvent);
        assertThat(reversal.usagePeriod()).isEqualTo(MARCH);
        assertThat(reversal.postingPeriod()).isEqualTo(MARCH.next());
        assertThat(reversal.items().getFirst().faceFen()).isEqualTo(-700);
        assertThat(reversal.items().getFirst().rateBp()).isEqualTo(8_000);
        for (String party : List.of("HOTEL", "DINE_IN")) {
            long net = Stream.concat(original.lines().stream(), reversal.lines().stream())
                    .filter(l -> l.party().equals(party))
                    .mapToLong(Posting.Line::amountFen)
                    .sum();
            assertThat(net).isZero();
        }
        assertThat(reversal.lines().stream().mapToLong(Posting.Line::amountFen).sum())
                .isZero();
    }

    private static Posting points(Posting.Item... items) {
        return new Posting(
                UUID.randomUUID(),
                "points.redeemed",
                BenefitType.POINTS,
                "hold-1",
                "order-1",
                "m-1",
                Instant.parse("2026-03-10T02:00:00Z"),
                MARCH,
                MARCH,
                null,
                List.of(items));
    }
}
