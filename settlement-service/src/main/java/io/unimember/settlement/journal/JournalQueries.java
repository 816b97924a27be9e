package io.unimember.settlement.journal;

import io.unimember.settlement.BenefitType;
import io.unimember.settlement.periods.PeriodKey;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What statements and reconciliation read from the journal. */
@Component
public class JournalQueries {

    private final JdbcClient jdbc;

    JournalQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A party's lines booked in a posting period, in posting order. */
    public List<StatementLine> linesOf(PeriodKey postingPeriod, String party) {
        return jdbc.sql(
                        """
                        SELECT l.id, l.posting_id, p.event_id, p.benefit_type, p.source_ref, p.order_ref, p.used_at,
                               p.usage_period, l.counterparty, l.account, i.face_fen, i.rate_bp, l.amount_fen,
                               p.event_type
                        FROM journal_line l
                        JOIN posting p ON p.id = l.posting_id
                        JOIN posting_item i ON i.id = l.item_id
                        WHERE l.posting_period = ? AND l.party = ?
                        ORDER BY l.id""")
                .params(postingPeriod.toString(), party)
                .query((rs, n) -> new StatementLine(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(14),
                        BenefitType.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getString(8),
                        rs.getLong(11) < 0, // refunds post negative face value (decision 0038)
                        rs.getString(9),
                        Account.valueOf(rs.getString(10)),
                        rs.getLong(11),
                        rs.getInt(12),
                        rs.getLong(13)))
                .list();
    }

    /** The parties with at least one line in a posting period. */
    public List<String> partiesIn(PeriodKey postingPeriod) {
        return jdbc.sql("SELECT DISTINCT party FROM journal_line WHERE posting_period = ? ORDER BY party")
                .param(postingPeriod.toString())
                .query((rs, n) -> rs.getString(1))
                .list();
    }

    /**
     * Per (benefit, owing, owed): what was posted for usages in a period, wherever it was booked; a reversal (negative
     * face) counts as minus one, as in the tally.
     */
    public List<PairTotal> usageTotals(PeriodKey usagePeriod) {
        return jdbc.sql(
                        """
                        SELECT i.benefit_type, i.owing_party, i.owed_party,
                               SUM(CASE WHEN p.reverses_posting_id IS NULL AND i.face_fen >= 0 THEN 1 ELSE -1 END),
                               SUM(i.face_fen), SUM(i.amount_fen)
                        FROM posting_item i JOIN posting p ON p.id = i.posting_id
                        WHERE i.usage_period = ?
                        GROUP BY i.benefit_type, i.owing_party, i.owed_party""")
                .param(usagePeriod.toString())
                .query((rs, n) -> new PairTotal(
                        BenefitType.valueOf(rs.getString(1)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6)))
                .list();
    }

    /**
     * The source events posted for one pair's usages in a period, reversals included: the tally records refunds'
     * reversals too (decision 0038), so each side names every event and they match one to one.
     */
    public List<String> eventIds(PeriodKey usagePeriod, BenefitType type, String fromBu, String toBu) {
        return jdbc.sql(
                        """
                        SELECT p.event_id FROM posting_item i JOIN posting p ON p.id = i.posting_id
                        WHERE i.usage_period = ? AND i.benefit_type = ? AND i.owing_party = ? AND i.owed_party = ?""")
                .params(usagePeriod.toString(), type.name(), fromBu, toBu)
                .query((rs, n) -> rs.getString(1))
                .list();
    }
}
