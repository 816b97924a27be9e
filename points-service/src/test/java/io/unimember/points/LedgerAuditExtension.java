package io.unimember.points;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.points.ledger.LedgerAudit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * After every integration test class: the whole ledger must add up. Every transfer's entries sum to zero, so do all
 * entries, and every member's balance row and lots agree with the entries.
 */
public class LedgerAuditExtension implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        LedgerAudit.Report report = SpringExtension.getApplicationContext(context)
                .getBean(LedgerAudit.class)
                .run();
        System.out.println("ledger after " + context.getDisplayName() + ": " + report);
        assertThat(report.unbalancedTransfers())
                .as("transfers whose entries do not sum to zero")
                .isEmpty();
        assertThat(report.total()).as("sum of all entries").isZero();
        assertThat(report.totalsByAccountType().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .as("totals per account type add up to zero")
                .isZero();
        assertThat(report.transfersWithoutEntries())
                .as("transfers without two entries")
                .isZero();
        assertThat(report.balanceMismatches())
                .as("members whose balance differs from the ledger")
                .isEmpty();
        assertThat(report.lotMismatches())
                .as("members whose lots differ from their available points")
                .isEmpty();
        assertThat(report.balanced()).isTrue();
    }
}
