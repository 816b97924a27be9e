package io.unimember.settlement.statements;

import static io.unimember.settlement.support.TestMonths.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.SpentLot;
import io.unimember.settlement.periods.PeriodKey;
import io.unimember.settlement.support.Fixture;
import io.unimember.settlement.support.SettlementIntegrationTest;
import io.unimember.settlement.support.TestMonths;
import io.unimember.testsupport.TestTokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

@SettlementIntegrationTest
class StatementsTests {

    @Autowired
    Fixture fixture;

    @Test
    void aBuTokenGetsOnlyItsOwnStatementWhateverItAsksFor() {
        PeriodKey month = activeMonth();

        for (String asked : List.of("", "?bu=RETAIL", "?bu=TRAVEL", "?bu=PLATFORM")) {
            JsonNode view = fixture.tree(
                    fixture.get(path(month) + asked, TestTokens.bu("DINE_IN")).getBody());
            assertThat(view.get("statements")).hasSize(1);
            JsonNode own = view.get("statements").get(0);
            assertThat(own.get("party").asString()).isEqualTo("DINE_IN");
            assertThat(own.get("lines").findValuesAsString("counterparty")).containsOnly("HOTEL", "PLATFORM");
        }
        String csv = fixture.get(path(month) + "?bu=RETAIL", TestTokens.bu("DINE_IN"), "text/csv")
                .getBody();
        assertThat(Arrays.stream(csv.split("\r\n")).skip(1).toList())
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row).startsWith(month + ",OPEN,DINE_IN,"));
        assertThat(csv).doesNotContain("TRAVEL");
    }

    @Test
    void aBuStatementShowsGrossOwedGrossDueAndTheNetPerCounterparty() {
        PeriodKey month = activeMonth();

        JsonNode hotel = fixture.tree(
                        fixture.get(path(month), TestTokens.bu("HOTEL")).getBody())
                .get("statements")
                .get(0);

        assertThat(hotel.get("grossOwedFen").asLong()).isEqualTo(1_200 + 300);
        assertThat(hotel.get("grossDueFen").asLong()).isEqualTo(200);
        assertThat(hotel.get("netFen").asLong()).isEqualTo(-1_300);
        assertThat(counterparties(hotel))
                .containsExactly("DINE_IN owed 1200 due 200 net -1000", "RETAIL owed 300 due 0 net -300");
        assertThat(hotel.get("lines")).hasSize(3);
    }

    @Test
    void adminSeesEveryPartyWithPostingsOrTheOneAskedFor() {
        PeriodKey month = activeMonth();

        JsonNode all = fixture.tree(fixture.get(path(month), TestTokens.admin()).getBody());
        JsonNode one = fixture.tree(
                fixture.get(path(month) + "?bu=RETAIL", TestTokens.admin()).getBody());
        ResponseEntity<String> unknown = fixture.get(path(month) + "?bu=MARS_BASE", TestTokens.admin());

        assertThat(all.get("statements").findValuesAsString("party"))
                .containsExactly("DINE_IN", "HOTEL", "PLATFORM", "RETAIL", "TRAVEL");
        assertThat(all.get("statements").findValues("netFen").stream()
                        .mapToLong(JsonNode::asLong)
                        .sum())
                .isZero();
        assertThat(one.get("statements").findValuesAsString("party")).containsExactly("RETAIL");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody()).contains("PARTY_NOT_FOUND");
    }

    @Test
    void theCsvCarriesTheSameLinesAndTotalsAsTheJson() {
        PeriodKey month = activeMonth();

        ResponseEntity<String> csv = fixture.get(path(month), TestTokens.admin(), "text/csv");
        JsonNode json =
                fixture.tree(fixture.get(path(month), TestTokens.admin()).getBody());

        assertThat(csv.getHeaders().getContentType()).isNotNull();
        assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
                .isTrue();
        assertThat(csv.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("settlement-" + month + "-statements.csv");
        List<String[]> rows = Arrays.stream(csv.getBody().split("\r\n"))
                .skip(1)
                .map(r -> r.split(",", -1))
                .toList();
        List<String> totalsFromCsv = new ArrayList<>();
        rows.stream()
                .filter(r -> r[3].equals("TOTAL"))
                .forEach(r -> totalsFromCsv.add(r[2] + ":" + r[16] + ":" + r[17] + ":" + r[18]));
        List<String> totalsFromJson = new ArrayList<>();
        for (JsonNode s : json.get("statements")) {
            totalsFromJson.add(s.get("party").asString() + ":"
                    + s.get("grossOwedFen").asLong() + ":"
                    + s.get("grossDueFen").asLong() + ":" + s.get("netFen").asLong());
        }
        assertThat(totalsFromCsv).isEqualTo(totalsFromJson);
        assertThat(rows.stream().filter(r -> r[3].equals("LINE")).map(r -> r[6]))
                .containsExactlyElementsOf(json.get("statements").findValuesAsString("eventId"));
    }

    @Test
    void anOpenPeriodIsProvisional() {
        PeriodKey month = activeMonth();

        JsonNode view =
                fixture.tree(fixture.get(path(month), TestTokens.bu("HOTEL")).getBody());

        assertThat(view.get("status").asString()).isEqualTo("OPEN");
        assertThat(view.get("provisional").asBoolean()).isTrue();
        assertThat(view.get("closedAt").isNull()).isTrue();
    }

    @Test
    void aBuWithoutPostingsGetsAnEmptyStatement() {
        PeriodKey month = activeMonth();

        JsonNode health = fixture.tree(
                        fixture.get(path(month), TestTokens.bu("HEALTH")).getBody())
                .get("statements")
                .get(0);

        assertThat(health.get("party").asString()).isEqualTo("HEALTH");
        assertThat(health.get("lines")).isEmpty();
        assertThat(health.get("netFen").asLong()).isZero();
    }

    @Test
    void statementsAreForBuClientsAndAdminOnly() {
        PeriodKey month = TestMonths.past();
        String notAParty = TestTokens.builder()
                .subject("bu-moon")
                .claim("bu", "MOON")
                .scope("bu:orders")
                .build();
        String buScopeWithoutBu =
                TestTokens.builder().subject("odd").scope("bu:orders").build();

        assertThat(status(fixture.get(path(month), TestTokens.member("m-" + UUID.randomUUID()))))
                .isEqualTo(403);
        assertThat(status(fixture.get(path(month), TestTokens.merchant("merchant-demo", "ENTERTAINMENT"))))
                .isEqualTo(403);
        assertThat(status(fixture.get(path(month), null))).isEqualTo(401);
        ResponseEntity<String> moon = fixture.get(path(month), notAParty);
        assertThat(status(moon)).isEqualTo(403);
        assertThat(moon.getBody()).contains("NOT_A_SETTLEMENT_PARTY");
        assertThat(status(fixture.get(path(month), buScopeWithoutBu))).isEqualTo(403);
    }

    @Test
    void aMalformedPeriodIsAProblemEvenWhenCsvWasAskedFor() {
        ResponseEntity<String> json = fixture.get("/api/v1/settlement/periods/2026-1/statements", TestTokens.admin());
        ResponseEntity<String> csv =
                fixture.get("/api/v1/settlement/periods/20x6-01/statements", TestTokens.admin(), "text/csv");

        for (ResponseEntity<String> response : List.of(json, csv)) {
            assertThat(status(response)).isEqualTo(400);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody()).contains("VALIDATION_FAILED", "\"field\":\"period\"");
        }
    }

    /**
     * HOTEL owes DINE_IN 1200 (points) and RETAIL 300 (coupon); DINE_IN owes HOTEL 200; PLATFORM owes DINE_IN 500;
     * RETAIL owes TRAVEL 700.
     */
    private PeriodKey activeMonth() {
        PeriodKey month = TestMonths.past();
        List<EventEnvelope> events = List.of(
                fixture.points("DINE_IN", at(month, 2, 10), new SpentLot("HOTEL", 1_200)),
                fixture.coupon("HOTEL", "RETAIL", 300, at(month, 3, 10)),
                fixture.coupon("DINE_IN", "HOTEL", 200, at(month, 4, 10)),
                fixture.coupon("PLATFORM", "DINE_IN", 500, at(month, 5, 10)),
                fixture.coupon("RETAIL", "TRAVEL", 700, at(month, 6, 10)));
        fixture.send(events);
        fixture.awaitPostedAndTallied(events);
        return month;
    }

    private static List<String> counterparties(JsonNode statement) {
        List<String> result = new ArrayList<>();
        for (JsonNode c : statement.get("counterparties")) {
            result.add(c.get("counterparty").asString() + " owed "
                    + c.get("owedFen").asLong() + " due " + c.get("dueFen").asLong() + " net "
                    + c.get("netFen").asLong());
        }
        return result;
    }

    private static int status(ResponseEntity<String> response) {
        return response.getStatusCode().value();
    }

    private static String path(PeriodKey month) {
        return "/api/v1/settlement/periods/" + month + "/statements";
    }
}
