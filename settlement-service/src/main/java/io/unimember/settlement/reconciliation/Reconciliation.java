package io.unimember.settlement.reconciliation;

import io.unimember.settlement.BenefitType;
import io.unimember.settlement.SettlementProperties;
import io.unimember.settlement.journal.JournalQueries;
import io.unimember.settlement.journal.PairTotal;
import io.unimember.settlement.periods.PeriodKey;
import io.unimember.settlement.periods.Periods;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Compares the journal with the tally, pair by pair, and names the events behind every difference. */
@Component
class Reconciliation {

    private static final Comparator<Pair> ORDER =
            Comparator.comparing(Pair::benefitType).thenComparing(Pair::fromBu).thenComparing(Pair::toBu);

    private final JournalQueries journal;
    private final TallyRepository tally;
    private final Periods periods;
    private final Cases cases;
    private final SettlementProperties properties;

    Reconciliation(
            JournalQueries journal,
            TallyRepository tally,
            Periods periods,
            Cases cases,
            SettlementProperties properties) {
        this.journal = journal;
        this.tally = tally;
        this.periods = periods;
        this.cases = cases;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public ReconciliationView of(PeriodKey key) {
        Map<Pair, PairTotal> posted = new TreeMap<>(ORDER);
        journal.usageTotals(key).stream()
                // membership revenue is sold, not redeemed: no service reports it, so there is nothing to compare
                .filter(t -> t.benefitType() != BenefitType.MEMBERSHIP)
                .forEach(t -> posted.put(new Pair(t.benefitType(), t.fromBu(), t.toBu()), t));
        Map<Pair, TallyRepository.Reported> reported = new TreeMap<>(ORDER);
        tally.totals(key).forEach(r -> reported.put(new Pair(r.benefitType(), r.fromBu(), r.toBu()), r));
        Set<Pair> all = new TreeSet<>(ORDER);
        all.addAll(posted.keySet());
        all.addAll(reported.keySet());

        List<PairReconciliation> pairs = new ArrayList<>();
        for (Pair pair : all) {
            pairs.add(compare(key, pair, posted.get(pair), reported.get(pair)));
        }
        List<PairReconciliation> differences = pairs.stream()
                .filter(p -> p.status() != PairReconciliation.Status.MATCHED)
                .toList();
        long linesSum = periods.summary(key).linesSumFen();
        return new ReconciliationView(
                key.toString(),
                differences.isEmpty() && linesSum == 0,
                linesSum,
                new ReconciliationView.Side(
                        pairs.stream()
                                .mapToLong(PairReconciliation::journalCount)
                                .sum(),
                        pairs.stream()
                                .mapToLong(PairReconciliation::journalFaceFen)
                                .sum()),
                new ReconciliationView.Side(
                        pairs.stream()
                                .mapToLong(PairReconciliation::reportedCount)
                                .sum(),
                        pairs.stream()
                                .mapToLong(PairReconciliation::reportedFaceFen)
                                .sum()),
                pairs.stream().map(Reconciliation::withoutEvents).toList(),
                differences,
                cases.of(key));
    }

    private PairReconciliation compare(
            PeriodKey key, Pair pair, @Nullable PairTotal posted, TallyRepository.@Nullable Reported reported) {
        long journalCount = posted == null ? 0 : posted.count();
        long journalFace = posted == null ? 0 : posted.faceFen();
        long reportedCount = reported == null ? 0 : reported.count();
        long reportedFace = reported == null ? 0 : reported.faceFen();
        PairReconciliation.Status status;
        if (journalCount == reportedCount && journalFace == reportedFace) {
            status = PairReconciliation.Status.MATCHED;
        } else if (journalCount == 0) {
            status = PairReconciliation.Status.MISSING_IN_JOURNAL;
        } else if (reportedCount == 0) {
            status = PairReconciliation.Status.MISSING_IN_REPORT;
        } else {
            status = PairReconciliation.Status.MISMATCH;
        }
        List<String> missingInJournal = List.of();
        List<String> missingInReport = List.of();
        if (status != PairReconciliation.Status.MATCHED) {
            List<String> journalIds = journal.eventIds(key, pair.benefitType(), pair.fromBu(), pair.toBu());
            List<String> reportedIds = tally.eventIds(key, pair.benefitType(), pair.fromBu(), pair.toBu());
            missingInJournal = missing(reportedIds, journalIds);
            missingInReport = missing(journalIds, reportedIds);
        }
        return new PairReconciliation(
                pair.benefitType(),
                pair.fromBu(),
                pair.toBu(),
                status,
                journalCount,
                reportedCount,
                journalCount - reportedCount,
                journalFace,
                reportedFace,
                journalFace - reportedFace,
                posted == null ? 0 : posted.amountFen(),
                missingInJournal,
                missingInReport);
    }

    /** The ids in {@code from} that {@code in} lacks, sorted, at most the sample size. */
    private List<String> missing(List<String> from, List<String> in) {
        Set<String> present = new HashSet<>(in);
        return from.stream()
                .filter(id -> !present.contains(id))
                .sorted()
                .limit(properties.reconciliationSampleSize())
                .toList();
    }

    private static PairReconciliation withoutEvents(PairReconciliation p) {
        return new PairReconciliation(
                p.benefitType(),
                p.fromBu(),
                p.toBu(),
                p.status(),
                p.journalCount(),
                p.reportedCount(),
                p.countDifference(),
                p.journalFaceFen(),
                p.reportedFaceFen(),
                p.faceDifferenceFen(),
                p.journalAmountFen(),
                List.of(),
                List.of());
    }

    private record Pair(BenefitType benefitType, String fromBu, String toBu) {}
}
