package io.unimember.settlement.journal;

import io.unimember.settlement.BenefitType;
import io.unimember.settlement.SettlementProperties;
import io.unimember.settlement.periods.PeriodKey;
import io.unimember.settlement.periods.Periods;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts the reversal of a refunded benefit (decision 0038): one reversing posting per refund event, booked in the
 * period open when the refund happened (a closed period never changes), carrying the original usage period and
 * usage time, so a statement shows it as its own line referring to the period of the original. The original's
 * items are negated at the price they were posted at, so a same-BU item (decision 0010) reverses to nothing too.
 * A points refund reverses its share of the order's points items: per (issuing, spending) pair, the cumulative
 * face given back so far over the face posted, times the amount posted, rounded down, minus what earlier refunds
 * reversed, so the refunds of a whole order reverse exactly what was posted.
 */
@Component
class Reversals {

    private static final Logger log = LoggerFactory.getLogger(Reversals.class);

    private final OriginalPostings originals;
    private final JournalRepository journal;
    private final Periods periods;
    private final SettlementProperties properties;
    private final Clock clock;

    Reversals(
            OriginalPostings originals,
            JournalRepository journal,
            Periods periods,
            SettlementProperties properties,
            Clock clock) {
        this.originals = originals;
        this.journal = journal;
        this.periods = periods;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public void reverse(Reversal reversal) {
        PeriodKey open = periods.postingPeriodFor(PeriodKey.containing(reversal.reversedAt(), properties.zone()));
        switch (reversal.kind()) {
            case COUPON_RETURNED -> reverseCoupon(reversal, open);
            case POINTS_REFUNDED -> reversePoints(reversal, open);
        }
    }

    private void reverseCoupon(Reversal reversal, PeriodKey open) {
        var original = originals.unreversedCoupon(reversal.sourceRef(), reversal.memberId());
        if (original.isEmpty()) {
            log.warn("coupon {} was returned but no redemption of it is posted", reversal.sourceRef());
            return;
        }
        Posting posting =
                original.get().posting().reversal(original.get().id(), reversal.eventId(), reversal.eventType(), open);
        journal.insert(posting, clock.instant());
    }

    private void reversePoints(Reversal reversal, PeriodKey open) {
        List<OriginalPostings.Found> postings =
                originals.pointsOfOrder(reversal.sourceRef(), reversal.memberId(), reversal.spendingBu());
        if (postings.isEmpty()) {
            log.warn("points of order {} were refunded but none of its redemptions is posted", reversal.sourceRef());
            return;
        }
        Posting last = postings.getLast().posting();
        List<Posting.Item> items = new ArrayList<>();
        for (Map.Entry<String, Long> given : reversal.pointsByIssuer().entrySet()) {
            items.add(reversedItem(reversal, postings, given.getKey(), given.getValue()));
        }
        journal.insert(
                new Posting(
                        reversal.eventId(),
                        reversal.eventType(),
                        BenefitType.POINTS,
                        reversal.sourceRef(),
                        reversal.sourceRef(),
                        reversal.memberId(),
                        last.usedAt(),
                        last.usagePeriod(),
                        open,
                        null,
                        items),
                clock.instant());
    }

    private Posting.Item reversedItem(
            Reversal reversal, List<OriginalPostings.Found> postings, String issuer, long points) {
        String owed = reversal.spendingBu();
        long postedFace = 0;
        long postedAmount = 0;
        Posting.Item priced = null;
        for (OriginalPostings.Found f : postings) {
            for (Posting.Item item : f.posting().items()) {
                if (item.owing().equals(issuer) && item.owed().equals(owed)) {
                    postedFace += item.faceFen();
                    postedAmount += item.amountFen();
                    priced = item;
                }
            }
        }
        long face = Math.multiplyExact(points, properties.pointFaceValueFen());
        if (priced == null || postedFace == 0) {
            throw new IllegalStateException(
                    "no points of " + issuer + " were posted for order " + reversal.sourceRef());
        }
        Posting.Item before = originals.reversedSoFar(reversal.sourceRef(), reversal.memberId(), issuer, owed);
        long cumulativeFace = Math.min(postedFace, face - before.faceFen());
        long cumulativeAmount = BigDecimal.valueOf(postedAmount)
                .multiply(BigDecimal.valueOf(cumulativeFace))
                .divide(BigDecimal.valueOf(postedFace), 0, RoundingMode.FLOOR)
                .longValueExact();
        long amount = cumulativeAmount + before.amountFen();
        return new Posting.Item(
                issuer, owed, -(cumulativeFace + before.faceFen()), priced.rateBp(), priced.priceId(), -amount);
    }
}
