package io.unimember.settlement.statements;

import io.unimember.settlement.journal.StatementLine;
import java.util.List;

/**
 * One party's statement for a period.
 *
 * @param grossOwedFen what the party owes its counterparties before netting
 * @param grossDueFen what its counterparties owe it before netting
 * @param netFen due minus owed: positive the party receives, negative it pays
 */
record PartyStatement(
        String party,
        long grossOwedFen,
        long grossDueFen,
        long netFen,
        List<CounterpartyTotal> counterparties,
        List<StatementLine> lines) {

    /** With one counterparty: {@code netFen} is due minus owed, as netted for the period. */
    record CounterpartyTotal(String counterparty, long owedFen, long dueFen, long netFen) {}
}
