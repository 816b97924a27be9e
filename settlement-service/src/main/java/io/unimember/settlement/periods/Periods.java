package io.unimember.settlement.periods;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** What other features ask of periods: where a posting goes, and a period's summary. */
@Component
public class Periods {

    private final PeriodRepository periods;
    private final PeriodLedger ledger;

    Periods(PeriodRepository periods, PeriodLedger ledger) {
        this.periods = periods;
        this.ledger = ledger;
    }

    /**
     * The period a posting for a usage in {@code usage} goes to: that period if it is open, else the next open one.
     * Holds a shared lock on the chosen period until the caller's transaction ends, so it cannot close under it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PeriodKey postingPeriodFor(PeriodKey usage) {
        PeriodKey candidate = usage;
        while (periods.statusSharedLocked(candidate) == PeriodStatus.CLOSED) {
            candidate = candidate.next();
        }
        return candidate;
    }

    /** A closed period's frozen summary, or an open one's computed now and marked provisional. */
    @Transactional(readOnly = true)
    public PeriodSummary summary(PeriodKey key) {
        var stored = periods.find(key);
        if (stored.isPresent() && stored.get().status() == PeriodStatus.CLOSED) {
            var closed = stored.get();
            List<NetPosition> positions = periods.netPositions(key);
            return new PeriodSummary(
                    key.toString(),
                    PeriodStatus.CLOSED,
                    false,
                    closed.closedAt(),
                    closed.postingCount(),
                    closed.lineCount(),
                    closed.grossFen(),
                    0, // a period only closes when its lines sum to zero, and nothing is added after
                    positions,
                    partyNets(positions));
        }
        PeriodLedger.Totals totals = ledger.totals(key);
        Netting.Result netting = Netting.net(ledger.obligations(key));
        return new PeriodSummary(
                key.toString(),
                PeriodStatus.OPEN,
                true,
                null,
                totals.postingCount(),
                totals.lineCount(),
                totals.grossFen(),
                totals.linesSumFen(),
                netting.positions(),
                netting.partyNets());
    }

    static List<PartyNet> partyNets(List<NetPosition> positions) {
        return Netting.net(positions.stream()
                        .map(p -> new Obligation(p.fromBu(), p.toBu(), p.netFen()))
                        .toList())
                .partyNets();
    }
}
