package io.unimember.settlement.periods;

import java.util.List;

/** What closing needs from the journal about the postings of one posting period. The journal implements it. */
public interface PeriodLedger {

    /** The summed obligations per (debtor, creditor) posted to the period. */
    List<Obligation> obligations(PeriodKey period);

    Totals totals(PeriodKey period);

    /**
     * @param grossFen the sum of the receivable lines: how much changes hands before netting
     * @param linesSumFen the sum of all lines; zero unless the journal is broken
     */
    record Totals(long postingCount, long lineCount, long grossFen, long linesSumFen) {}
}
