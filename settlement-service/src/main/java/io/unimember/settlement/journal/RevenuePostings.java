package io.unimember.settlement.journal;

import io.unimember.settlement.BenefitType;
import io.unimember.settlement.SettlementProperties;
import io.unimember.settlement.parties.Parties;
import io.unimember.settlement.periods.PeriodKey;
import io.unimember.settlement.periods.Periods;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The journal's entry for revenue shared between BUs (paid membership, decision 0041): one posting per source event,
 * in the open period for when the money moved. Revenue settles at its amount, not at a virtual price: the prices
 * discount benefits, and nobody discounts cash already taken.
 */
@Component
public class RevenuePostings {

    /** {@code owing} owes {@code owed} {@code amountFen}; negative when a refund takes a share back. */
    public record Share(String owing, String owed, long amountFen) {}

    private final JournalRepository journal;
    private final Parties parties;
    private final Periods periods;
    private final SettlementProperties properties;
    private final Clock clock;

    RevenuePostings(
            JournalRepository journal, Parties parties, Periods periods, SettlementProperties properties, Clock clock) {
        this.journal = journal;
        this.parties = parties;
        this.periods = periods;
        this.properties = properties;
        this.clock = clock;
    }

    /** Posts the shares of one event; false if that event was posted already. */
    @Transactional
    public boolean post(
            UUID eventId, String eventType, String sourceRef, String memberId, Instant at, List<Share> shares) {
        parties.requireKnown(shares.stream()
                .flatMap(s -> java.util.stream.Stream.of(s.owing(), s.owed()))
                .distinct()
                .toList());
        PeriodKey period = PeriodKey.containing(at, properties.zone());
        List<Posting.Item> items = shares.stream()
                .map(s -> s.owing().equals(s.owed())
                        ? Posting.Item.internal(s.owing(), s.amountFen())
                        : new Posting.Item(s.owing(), s.owed(), s.amountFen(), 10_000, null, s.amountFen()))
                .toList();
        return journal.insert(
                new Posting(
                        eventId,
                        eventType,
                        BenefitType.MEMBERSHIP,
                        sourceRef,
                        null,
                        memberId,
                        at,
                        period,
                        periods.postingPeriodFor(period),
                        null,
                        items),
                clock.instant());
    }
}
