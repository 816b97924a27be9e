package io.unimember.settlement.journal;

import io.unimember.settlement.periods.Obligation;
import io.unimember.settlement.periods.PeriodKey;
import io.unimember.settlement.periods.PeriodLedger;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The journal's lines of a posting period, summed for closing and netting. */
@Component
class JournalLedger implements PeriodLedger {

    private final JdbcClient jdbc;

    JournalLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** From the payable lines: the party owes the counterparty minus their sum. */
    @Override
    public List<Obligation> obligations(PeriodKey period) {
        return jdbc.sql(
                        """
                        SELECT party, counterparty, -SUM(amount_fen) FROM journal_line
                        WHERE posting_period = ? AND account = 'PAYABLE'
                        GROUP BY party, counterparty ORDER BY party, counterparty""")
                .param(period.toString())
                .query((rs, n) -> new Obligation(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    @Override
    public Totals totals(PeriodKey period) {
        long postings = jdbc.sql("SELECT COUNT(*) FROM posting WHERE posting_period = ?")
                .param(period.toString())
                .query(Long.class)
                .single();
        return jdbc.sql(
                        """
                        SELECT COUNT(*), COALESCE(SUM(amount_fen), 0),
                               COALESCE(SUM(CASE WHEN account = 'RECEIVABLE' THEN amount_fen ELSE 0 END), 0)
                        FROM journal_line WHERE posting_period = ?""")
                .param(period.toString())
                .query((rs, n) -> new Totals(postings, rs.getLong(1), rs.getLong(3), rs.getLong(2)))
                .single();
    }
}
