package io.unimember.settlement.journal;

import io.unimember.settlement.BenefitType;
import io.unimember.settlement.periods.PeriodKey;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One posting: the settlement of one source event. Each cross-party item gives the owing party a PAYABLE line of
 * minus the amount and the owed party a RECEIVABLE line of plus the amount, so a posting's lines sum to zero. An
 * item within one party settles nothing and has no lines. Postings are never changed; a correction is a
 * {@link #reversal reversal}: the same items negated, posted to a period that is open when it happens.
 *
 * @param usagePeriod the period the benefit was used in
 * @param postingPeriod where the posting is booked: the usage period, or the next open one if it was closed
 */
record Posting(
        UUID eventId,
        String eventType,
        BenefitType benefitType,
        String sourceRef,
        @Nullable String orderRef,
        String memberId,
        Instant usedAt,
        PeriodKey usagePeriod,
        PeriodKey postingPeriod,
        @Nullable Long reversesPostingId,
        List<Item> items) {

    List<Line> lines() {
        return items.stream().flatMap(i -> i.lines().stream()).toList();
    }

    Posting reversal(long postingId, UUID reversalEventId, String reversalEventType, PeriodKey openPeriod) {
        return new Posting(
                reversalEventId,
                reversalEventType,
                benefitType,
                sourceRef,
                orderRef,
                memberId,
                usedAt,
                usagePeriod,
                openPeriod,
                postingId,
                items.stream().map(Item::negated).toList());
    }

    /**
     * What {@code owing} owes {@code owed} in this posting.
     *
     * @param priceId the price version applied, {@code null} for the default price or within one party
     */
    record Item(String owing, String owed, long faceFen, int rateBp, @Nullable Long priceId, long amountFen) {

        /** A redemption within one party: recorded, but nothing to settle. */
        static Item internal(String party, long faceFen) {
            return new Item(party, party, faceFen, 0, null, 0);
        }

        boolean crossParty() {
            return !owing.equals(owed);
        }

        List<Line> lines() {
            if (!crossParty()) {
                return List.of();
            }
            return Stream.of(
                            new Line(owing, owed, Account.PAYABLE, Math.negateExact(amountFen)),
                            new Line(owed, owing, Account.RECEIVABLE, amountFen))
                    .toList();
        }

        Item negated() {
            return new Item(owing, owed, Math.negateExact(faceFen), rateBp, priceId, Math.negateExact(amountFen));
        }
    }

    /** A journal line: {@code amountFen} is positive when {@code party} is owed, negative when it owes. */
    record Line(String party, String counterparty, Account account, long amountFen) {}
}
