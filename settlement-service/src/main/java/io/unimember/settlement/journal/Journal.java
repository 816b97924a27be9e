package io.unimember.settlement.journal;

import io.micrometer.core.instrument.MeterRegistry;
import io.unimember.settlement.SettlementProperties;
import io.unimember.settlement.parties.Parties;
import io.unimember.settlement.periods.PeriodKey;
import io.unimember.settlement.periods.Periods;
import io.unimember.settlement.prices.PriceQuote;
import io.unimember.settlement.prices.Prices;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts a redemption: checks its parties, finds the open period for its usage time, prices each cross-party claim
 * at the price in force when the benefit was used, and writes the posting.
 */
@Component
class Journal {

    private static final Logger log = LoggerFactory.getLogger(Journal.class);

    private final JournalRepository journal;
    private final Parties parties;
    private final Periods periods;
    private final Prices prices;
    private final SettlementProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    Journal(
            JournalRepository journal,
            Parties parties,
            Periods periods,
            Prices prices,
            SettlementProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.journal = journal;
        this.parties = parties;
        this.periods = periods;
        this.prices = prices;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    @Transactional
    public void post(Redemption redemption) {
        parties.requireKnown(redemption.parties());
        PeriodKey usage = PeriodKey.containing(redemption.usedAt(), properties.zone());
        PeriodKey postingPeriod = periods.postingPeriodFor(usage);
        var items = redemption.claims().stream().map(c -> item(redemption, c)).toList();
        var posting = new Posting(
                redemption.eventId(),
                redemption.eventType(),
                redemption.benefitType(),
                redemption.sourceRef(),
                redemption.orderRef(),
                redemption.memberId(),
                redemption.usedAt(),
                usage,
                postingPeriod,
                null,
                items);
        if (journal.insert(posting, clock.instant())) {
            meters.counter(
                            "settlement.postings",
                            "benefitType",
                            posting.benefitType().name())
                    .increment();
            if (!postingPeriod.equals(usage)) {
                log.info(
                        "event {} used in closed period {} was posted to {}",
                        redemption.eventId(),
                        usage,
                        postingPeriod);
            }
        }
    }

    private Posting.Item item(Redemption redemption, Redemption.Claim claim) {
        if (!claim.crossParty()) {
            return Posting.Item.internal(claim.owing(), claim.faceFen());
        }
        PriceQuote price = prices.quoteAt(redemption.benefitType(), claim.owing(), claim.owed(), redemption.usedAt());
        return new Posting.Item(
                claim.owing(),
                claim.owed(),
                claim.faceFen(),
                price.rateBp(),
                price.priceId(),
                price.apply(claim.faceFen()));
    }
}
