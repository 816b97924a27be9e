package io.unimember.settlement.reconciliation;

import io.unimember.settlement.BenefitType;
import java.util.List;

/**
 * The journal against the tally for one (benefit, owing party, owed party) over the usages of a period.
 *
 * @param countDifference journal count minus reported count
 * @param faceDifferenceFen journal face value minus reported face value
 * @param journalAmountFen what the journal settles for the pair after prices (the tally knows no prices)
 * @param missingInJournal reported events the journal has no posting for (at most the sample size)
 * @param missingInReport posted events the tally never saw (at most the sample size)
 */
record PairReconciliation(
        BenefitType benefitType,
        String fromBu,
        String toBu,
        Status status,
        long journalCount,
        long reportedCount,
        long countDifference,
        long journalFaceFen,
        long reportedFaceFen,
        long faceDifferenceFen,
        long journalAmountFen,
        List<String> missingInJournal,
        List<String> missingInReport) {

    enum Status {
        MATCHED,
        MISSING_IN_JOURNAL,
        MISSING_IN_REPORT,
        MISMATCH
    }
}
