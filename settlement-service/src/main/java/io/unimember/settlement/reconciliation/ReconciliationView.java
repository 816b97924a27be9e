package io.unimember.settlement.reconciliation;

import java.util.List;

/**
 * A period's reconciliation. Pairs are compared by usage time (the tally knows nothing of closes, so a late event
 * posted to a later period still counts in the month it was used); the journal balance is that of the postings
 * booked in the period.
 *
 * @param reconciled no differences, and the period's journal lines sum to zero
 * @param pairs every pair seen on either side
 * @param differences the pairs that do not match, with the events missing on each side
 * @param cases what the sources report beside redemptions, e.g. REWARD_USED_BEFORE_REFUND (not a difference)
 */
record ReconciliationView(
        String period,
        boolean reconciled,
        long journalLinesSumFen,
        Side journal,
        Side reported,
        List<PairReconciliation> pairs,
        List<PairReconciliation> differences,
        List<ReconciliationCase> cases) {

    /** Redemptions and face value over all pairs. */
    record Side(long count, long faceFen) {}
}
