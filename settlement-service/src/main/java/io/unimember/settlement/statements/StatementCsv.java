package io.unimember.settlement.statements;

import io.unimember.settlement.journal.StatementLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * Statements as RFC 4180 CSV (CRLF, quoted where needed): one table whose {@code record} column says what a row is
 * — {@code LINE} (a journal line), {@code COUNTERPARTY} (totals with one counterparty) or {@code TOTAL} (the
 * party's gross owed, gross due and net). Each row names the columns it fills; the others stay empty. Free text from
 * other services is defused against spreadsheet formulas.
 */
final class StatementCsv {

    private static final List<String> COLUMNS = List.of(
            "period",
            "status",
            "party",
            "record",
            "counterparty",
            "postingId",
            "eventId",
            "benefitType",
            "sourceRef",
            "orderRef",
            "usedAt",
            "usagePeriod",
            "account",
            "faceFen",
            "rateBp",
            "amountFen",
            "owedFen",
            "dueFen",
            "netFen",
            // added after the first release: at the end, so spreadsheets reading columns by position keep working
            "eventType",
            "reversal");

    static final String HEADER = String.join(",", COLUMNS);

    private static final CsvSchema SCHEMA = CsvSchema.builder()
            .addColumns(COLUMNS, CsvSchema.ColumnType.STRING)
            .setLineSeparator("\r\n")
            .setUseHeader(true)
            .build();

    // Strict checking quotes a value only when RFC 4180 needs it: a separator, a quote or a line break in it.
    private static final ObjectWriter WRITER = CsvMapper.builder()
            .enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING)
            .build()
            .writer(SCHEMA);

    private StatementCsv() {}

    static String write(StatementsView view) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PartyStatement s : view.statements()) {
            for (StatementLine l : s.lines()) {
                rows.add(new Row(view, s, "LINE")
                        .set("counterparty", l.counterparty())
                        .set("postingId", l.postingId())
                        .set("eventId", l.eventId())
                        .set("benefitType", l.benefitType())
                        .set("sourceRef", l.sourceRef())
                        .set("orderRef", l.orderRef())
                        .set("usedAt", l.usedAt())
                        .set("usagePeriod", l.usagePeriod())
                        .set("account", l.account())
                        .set("faceFen", l.faceFen())
                        .set("rateBp", l.rateBp())
                        .set("amountFen", l.amountFen())
                        .set("eventType", l.eventType())
                        .set("reversal", l.reversal())
                        .cells());
            }
            for (PartyStatement.CounterpartyTotal c : s.counterparties()) {
                rows.add(new Row(view, s, "COUNTERPARTY")
                        .set("counterparty", c.counterparty())
                        .set("owedFen", c.owedFen())
                        .set("dueFen", c.dueFen())
                        .set("netFen", c.netFen())
                        .cells());
            }
            rows.add(new Row(view, s, "TOTAL")
                    .set("owedFen", s.grossOwedFen())
                    .set("dueFen", s.grossDueFen())
                    .set("netFen", s.netFen())
                    .cells());
        }
        return WRITER.writeValueAsString(rows);
    }

    /** A leading formula character gets a quote mark, so a spreadsheet shows the value as text. */
    static String defused(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** One row's cells by column name: numbers as they are, anything else as defused text, nulls left out. */
    private static final class Row {

        private final Map<String, Object> cells = new HashMap<>();

        Row(StatementsView view, PartyStatement statement, String record) {
            set("period", view.period()).set("status", view.status()).set("party", statement.party());
            set("record", record);
        }

        Row set(String column, @Nullable Object value) {
            if (value != null) {
                cells.put(column, value instanceof Number ? value : defused(value.toString()));
            }
            return this;
        }

        Map<String, Object> cells() {
            return cells;
        }
    }
}
