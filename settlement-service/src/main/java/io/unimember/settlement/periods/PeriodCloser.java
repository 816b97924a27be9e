package io.unimember.settlement.periods;

import io.unimember.common.admin.Actor;
import io.unimember.common.admin.AdminAudit;
import io.unimember.common.web.ApiException;
import io.unimember.settlement.SettlementProperties;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes a period: under the period's exclusive lock (so no posting is in flight into it), checks the journal is
 * balanced, nets the positions per pair of parties and stores them with the totals. Closing a closed period again
 * changes nothing and answers the stored result.
 */
@Component
class PeriodCloser {

    private static final Logger log = LoggerFactory.getLogger(PeriodCloser.class);

    private final PeriodRepository periods;
    private final PeriodLedger ledger;
    private final Periods summaries;
    private final SettlementProperties properties;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate closeTransaction;
    private final ApplicationEventPublisher events;
    private final AdminAudit audit;

    PeriodCloser(
            PeriodRepository periods,
            PeriodLedger ledger,
            Periods summaries,
            SettlementProperties properties,
            Clock clock,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            AdminAudit audit) {
        this.events = events;
        this.audit = audit;
        this.periods = periods;
        this.ledger = ledger;
        this.summaries = summaries;
        this.properties = properties;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // Read committed: once the exclusive lock is ours, every read sees all postings committed before it.
        this.closeTransaction = new TransactionTemplate(transactions);
        this.closeTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.closeTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /**
     * The row is made first in a transaction of its own, so the closing transaction takes the exclusive lock
     * directly; two closes racing to create it could otherwise both hold a shared lock and deadlock upgrading it.
     */
    public PeriodSummary close(PeriodKey key, Actor closedBy) {
        ownTransaction.executeWithoutResult(status -> periods.ensureExists(key));
        return closeTransaction.execute(status -> closeLocked(key, closedBy));
    }

    private PeriodSummary closeLocked(PeriodKey key, Actor closedBy) {
        if (periods.statusLockedForClose(key) == PeriodStatus.CLOSED) {
            return summaries.summary(key);
        }
        Instant now = clock.instant();
        if (now.isBefore(key.end(properties.zone())) && !properties.closeBeforeMonthEnd()) {
            throw ApiException.conflict(
                    "PERIOD_NOT_ENDED",
                    "period " + key + " ends at " + key.end(properties.zone()) + "; close it after");
        }
        PeriodLedger.Totals totals = ledger.totals(key);
        if (totals.linesSumFen() != 0) {
            throw new IllegalStateException(
                    "journal of period " + key + " does not sum to zero: " + totals.linesSumFen() + " fen");
        }
        Netting.Result netting = Netting.net(ledger.obligations(key));
        periods.insertNetPositions(key, netting.positions());
        periods.markClosed(key, now, closedBy.id(), totals);
        log.info(
                "closed settlement period {}: {} postings, gross {} fen, {} net positions",
                key,
                totals.postingCount(),
                totals.grossFen(),
                netting.positions().size());
        PeriodSummary summary = summaries.summary(key);
        events.publishEvent(new PeriodClosed(key.toString(), now, summary.partyNets()));
        audit.record(closedBy, "SETTLEMENT_PERIOD_CLOSED", "period:" + key, null, summary);
        return summary;
    }
}
