package io.unimember.settlement.statements;

import io.unimember.settlement.journal.StatementLine;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Statements as RFC 4180 CSV (CRLF, quoted where needed): one table whose {@code record} column says what a row is
 * — {@code LINE} (a journal line), {@code COUNTERPARTY} (totals with one counterparty) or {@code TOTAL} (the
 * party's gross owed, gross due and net). Free text from other services is defused against spreadsheet formulas.
 */
final class StatementCsv {

    static final String HEADER = "period,status,party,record,counterparty,postingId,eventId,benefitType,sourceRef,"
            + "orderRef,usedAt,usagePeriod,account,faceFen,rateBp,amountFen,owedFen,dueFen,netFen";

    private static final String CRLF = "\r\n";

    private StatementCsv() {}

    static String write(StatementsView view) {
        StringBuilder csv = new StringBuilder(HEADER).append(CRLF);
        for (PartyStatement s : view.statements()) {
            String prefix = view.period() + "," + view.status() + "," + text(s.party()) + ",";
            for (StatementLine l : s.lines()) {
                row(
                        csv,
                        prefix,
                        "LINE",
                        l.counterparty(),
                        l.postingId(),
                        l.eventId(),
                        l.benefitType(),
                        l.sourceRef(),
                        l.orderRef(),
                        l.usedAt(),
                        l.usagePeriod(),
                        l.account(),
                        l.faceFen(),
                        l.rateBp(),
                        l.amountFen(),
                        null,
                        null,
                        null);
            }
            for (PartyStatement.CounterpartyTotal c : s.counterparties()) {
                row(
                        csv,
                        prefix,
                        "COUNTERPARTY",
                        c.counterparty(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        c.owedFen(),
                        c.dueFen(),
                        c.netFen());
            }
            row(
                    csv,
                    prefix,
                    "TOTAL",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    s.grossOwedFen(),
                    s.grossDueFen(),
                    s.netFen());
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String prefix, String record, @Nullable Object... cells) {
        csv.append(prefix).append(record).append(',');
        csv.append(Stream.of(cells).map(StatementCsv::cell).collect(Collectors.joining(",")));
        csv.append(CRLF);
    }

    private static String cell(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        return text(value.toString());
    }

    /** Quotes what needs quoting; a leading formula character gets a quote mark so a spreadsheet shows it as text. */
    static String text(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
