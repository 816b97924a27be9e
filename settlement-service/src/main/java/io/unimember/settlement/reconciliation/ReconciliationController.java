package io.unimember.settlement.reconciliation;

import io.unimember.settlement.periods.PeriodKey;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Admin: the reconciliation of a period. */
@RestController
class ReconciliationController {

    private final Reconciliation reconciliation;

    ReconciliationController(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    /**
     * A month's reconciliation: where the BUs' own records and the settlement disagree.
     */
    @GetMapping("/api/v1/admin/settlement/periods/{period}/reconciliation")
    ReconciliationView get(@PathVariable String period) {
        return reconciliation.of(PeriodKey.fromPath(period));
    }
}
