package io.unimember.points.ledger;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets an operator check the ledger adds up, without database access. */
@RestController
class LedgerAuditController {

    private final LedgerAudit audit;

    LedgerAuditController(LedgerAudit audit) {
        this.audit = audit;
    }

    /**
     * Checks that the ledger balances: every account against the sum of its entries.
     */
    @GetMapping("/api/v1/admin/points/ledger/audit")
    @PreAuthorize("hasAuthority('SCOPE_admin')")
    AuditResponse audit() {
        LedgerAudit.Report report = audit.run();
        return new AuditResponse(report.balanced(), report);
    }

    record AuditResponse(boolean balanced, LedgerAudit.Report report) {}
}
