package io.unimember.settlement.statements;

import io.unimember.settlement.journal.Account;
import io.unimember.settlement.journal.JournalQueries;
import io.unimember.settlement.journal.StatementLine;
import io.unimember.settlement.periods.NetPosition;
import io.unimember.settlement.periods.PeriodKey;
import io.unimember.settlement.periods.PeriodSummary;
import io.unimember.settlement.periods.Periods;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles statements from the journal lines booked in a period and the period's net positions (frozen at close).
 * Everything is ordered (lines by id, counterparties and parties by code), so the same data reads the same bytes.
 */
@Component
class Statements {

    private final JournalQueries journal;
    private final Periods periods;

    Statements(JournalQueries journal, Periods periods) {
        this.journal = journal;
        this.periods = periods;
    }

    /** In one read-only transaction, so an open period's lines and nets come from one consistent snapshot. */
    @Transactional(readOnly = true)
    public StatementsView of(PeriodKey key, List<String> parties) {
        PeriodSummary summary = periods.summary(key);
        List<PartyStatement> statements = parties.stream()
                .map(party -> statement(party, journal.linesOf(key, party), summary.netPositions()))
                .toList();
        return new StatementsView(
                summary.period(), summary.status(), summary.provisional(), summary.closedAt(), statements);
    }

    /** Parties an admin sees by default: every one with a line in the period. */
    @Transactional(readOnly = true)
    public List<String> partiesWithLines(PeriodKey key) {
        return journal.partiesIn(key);
    }

    static PartyStatement statement(String party, List<StatementLine> lines, List<NetPosition> nets) {
        Map<String, long[]> owedDueNet = new TreeMap<>();
        long owed = 0;
        long due = 0;
        for (StatementLine line : lines) {
            long[] totals = owedDueNet.computeIfAbsent(line.counterparty(), k -> new long[3]);
            if (line.account() == Account.PAYABLE) {
                totals[0] = Math.subtractExact(totals[0], line.amountFen());
                owed = Math.subtractExact(owed, line.amountFen());
            } else {
                totals[1] = Math.addExact(totals[1], line.amountFen());
                due = Math.addExact(due, line.amountFen());
            }
        }
        long net = 0;
        for (NetPosition position : nets) {
            if (position.toBu().equals(party)) {
                owedDueNet.computeIfAbsent(position.fromBu(), k -> new long[3])[2] += position.netFen();
            } else if (position.fromBu().equals(party)) {
                owedDueNet.computeIfAbsent(position.toBu(), k -> new long[3])[2] -= position.netFen();
            }
        }
        List<PartyStatement.CounterpartyTotal> counterparties = owedDueNet.entrySet().stream()
                .map(e -> new PartyStatement.CounterpartyTotal(
                        e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
        for (PartyStatement.CounterpartyTotal c : counterparties) {
            net = Math.addExact(net, c.netFen());
        }
        return new PartyStatement(party, owed, due, net, counterparties, lines);
    }
}
