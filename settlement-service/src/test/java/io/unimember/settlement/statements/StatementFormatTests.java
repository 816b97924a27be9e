package io.unimember.settlement.statements;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.settlement.BenefitType;
import io.unimember.settlement.journal.Account;
import io.unimember.settlement.journal.StatementLine;
import io.unimember.settlement.periods.NetPosition;
import io.unimember.settlement.periods.PeriodStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementFormatTests {

    private static final Instant USED = Instant.parse("2026-03-10T02:00:00Z");

    @Test
    void aStatementTotalsOwedAndDuePerCounterpartyAndTakesTheNetFromThePeriod() {
        List<StatementLine> lines = List.of(
                line(1, "HOTEL", Account.RECEIVABLE, 1_000),
                line(2, "HOTEL", Account.PAYABLE, -300),
                line(3, "RETAIL", Account.PAYABLE, -200));
        List<NetPosition> nets =
                List.of(new NetPosition("HOTEL", "DINE_IN", 700), new NetPosition("DINE_IN", "RETAIL", 200));

        PartyStatement s = Statements.statement("DINE_IN", lines, nets);

        assertThat(s.grossDueFen()).isEqualTo(1_000);
        assertThat(s.grossOwedFen()).isEqualTo(500);
        assertThat(s.netFen()).isEqualTo(500);
        assertThat(s.counterparties())
                .containsExactly(
                        new PartyStatement.CounterpartyTotal("HOTEL", 300, 1_000, 700),
                        new PartyStatement.CounterpartyTotal("RETAIL", 200, 0, -200));
    }

    @Test
    void csvHasOneRowPerLineCounterpartyAndTotalWithTheSameColumnsAsTheHeader() {
        PartyStatement s = Statements.statement(
                "DINE_IN",
                List.of(line(1, "HOTEL", Account.RECEIVABLE, 1_000)),
                List.of(new NetPosition("HOTEL", "DINE_IN", 1_000)));
        String csv = StatementCsv.write(new StatementsView("2026-03", PeriodStatus.CLOSED, false, USED, List.of(s)));

        String[] rows = csv.split("\r\n");
        assertThat(csv).endsWith("\r\n");
        assertThat(rows).hasSize(4);
        assertThat(rows[0]).isEqualTo(StatementCsv.HEADER);
        int columns = StatementCsv.HEADER.split(",", -1).length;
        assertThat(Arrays.stream(rows))
                .allSatisfy(row -> assertThat(row.split(",", -1)).hasSize(columns));
        assertThat(rows[1])
                .startsWith("2026-03,CLOSED,DINE_IN,LINE,HOTEL,1,e-1,COUPON,c-1,o-1,2026-03-10T02:00:00Z,2026-03,")
                .endsWith("RECEIVABLE,1000,10000,1000,,,,coupon.redeemed,false");
        assertThat(rows[2]).isEqualTo("2026-03,CLOSED,DINE_IN,COUNTERPARTY,HOTEL,,,,,,,,,,,,0,1000,1000,,");
        assertThat(rows[3]).isEqualTo("2026-03,CLOSED,DINE_IN,TOTAL,,,,,,,,,,,,,0,1000,1000,,");
    }

    @Test
    void csvIsTheseBytesForTwoPartiesWithTextThatNeedsQuotingOrDefusing() {
        StatementLine quoted = new StatementLine(
                7,
                5,
                "-e7",
                "points.refunded",
                BenefitType.POINTS,
                "c,1",
                "say \"hi\"",
                USED,
                "2026-03",
                true,
                "HOTEL",
                Account.PAYABLE,
                250,
                8_000,
                -200);
        StatementLine unusual = new StatementLine(
                8,
                6,
                " e\n8",
                "=coupon.redeemed",
                BenefitType.COUPON,
                "#tag ",
                null,
                USED,
                "2026-03",
                false,
                "=HOTEL",
                Account.RECEIVABLE,
                0,
                0,
                0);
        PartyStatement dineIn = Statements.statement(
                "DINE_IN", List.of(quoted, unusual), List.of(new NetPosition("DINE_IN", "HOTEL", 200)));
        PartyStatement hotel = Statements.statement(
                "HOTEL",
                List.of(line(9, "DINE_IN", Account.RECEIVABLE, 200)),
                List.of(new NetPosition("DINE_IN", "HOTEL", 200)));

        String csv = StatementCsv.write(
                new StatementsView("2026-03", PeriodStatus.OPEN, true, null, List.of(dineIn, hotel)));

        assertThat(csv)
                .isEqualTo("period,status,party,record,counterparty,postingId,eventId,benefitType,sourceRef,orderRef,"
                        + "usedAt,usagePeriod,account,faceFen,rateBp,amountFen,owedFen,dueFen,netFen,eventType,reversal\r\n"
                        + "2026-03,OPEN,DINE_IN,LINE,HOTEL,5,'-e7,POINTS,\"c,1\",\"say \"\"hi\"\"\",2026-03-10T02:00:00Z,2026-03,"
                        + "PAYABLE,250,8000,-200,,,,points.refunded,true\r\n"
                        + "2026-03,OPEN,DINE_IN,LINE,'=HOTEL,6,\" e\n8\",COUPON,#tag ,,2026-03-10T02:00:00Z,2026-03,"
                        + "RECEIVABLE,0,0,0,,,,'=coupon.redeemed,false\r\n"
                        + "2026-03,OPEN,DINE_IN,COUNTERPARTY,'=HOTEL,,,,,,,,,,,,0,0,0,,\r\n"
                        + "2026-03,OPEN,DINE_IN,COUNTERPARTY,HOTEL,,,,,,,,,,,,200,0,-200,,\r\n"
                        + "2026-03,OPEN,DINE_IN,TOTAL,,,,,,,,,,,,,200,0,-200,,\r\n"
                        + "2026-03,OPEN,HOTEL,LINE,DINE_IN,9,e-9,COUPON,c-9,o-9,2026-03-10T02:00:00Z,2026-03,"
                        + "RECEIVABLE,200,10000,200,,,,coupon.redeemed,false\r\n"
                        + "2026-03,OPEN,HOTEL,COUNTERPARTY,DINE_IN,,,,,,,,,,,,0,200,200,,\r\n"
                        + "2026-03,OPEN,HOTEL,TOTAL,,,,,,,,,,,,,0,200,200,,\r\n");
    }

    @Test
    void csvQuotesSeparatorsAndDefusesSpreadsheetFormulas() {
        StatementLine line = new StatementLine(
                1,
                1,
                "=HYPERLINK(1)",
                "coupon.redeemed",
                BenefitType.COUPON,
                "a,b",
                "say \"hi\"",
                USED,
                "2026-03",
                false,
                "HOTEL",
                Account.RECEIVABLE,
                1,
                1,
                1);
        PartyStatement s = Statements.statement("DINE_IN", List.of(line), List.of());

        String row = StatementCsv.write(new StatementsView("2026-03", PeriodStatus.OPEN, true, null, List.of(s)))
                .split("\r\n")[1];

        assertThat(row).contains(",'=HYPERLINK(1),COUPON,\"a,b\",\"say \"\"hi\"\"\",");
        assertThat(StatementCsv.defused("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(StatementCsv.defused("order-1")).isEqualTo("order-1");
    }

    @Test
    void csvIsChosenOnlyWhenTheClientRanksItAboveJson() {
        assertThat(StatementController.wantsCsv("text/csv")).isTrue();
        assertThat(StatementController.wantsCsv("text/csv;charset=UTF-8")).isTrue();
        assertThat(StatementController.wantsCsv("application/json;q=0.5, text/csv"))
                .isTrue();
        assertThat(StatementController.wantsCsv("application/json, text/csv")).isFalse();
        assertThat(StatementController.wantsCsv("*/*")).isFalse();
        assertThat(StatementController.wantsCsv(null)).isFalse();
        assertThat(StatementController.wantsCsv("not a media type")).isFalse();
    }

    private static StatementLine line(long id, String counterparty, Account account, long amount) {
        return new StatementLine(
                id,
                id,
                "e-" + id,
                "coupon.redeemed",
                BenefitType.COUPON,
                "c-" + id,
                "o-" + id,
                USED,
                "2026-03",
                false,
                counterparty,
                account,
                Math.abs(amount),
                10_000,
                amount);
    }
}
