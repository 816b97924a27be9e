package io.unimember.settlement.reconciliation;

import static io.unimember.settlement.support.TestMonths.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.SpentLot;
import io.unimember.common.events.Topics;
import io.unimember.settlement.periods.PeriodKey;
import io.unimember.settlement.support.Consumption;
import io.unimember.settlement.support.Fixture;
import io.unimember.settlement.support.SettlementIntegrationTest;
import io.unimember.settlement.support.TestMonths;
import io.unimember.testsupport.TestKafka;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@SettlementIntegrationTest
class ReconciliationTests {

    @Autowired
    Fixture fixture;

    @Test
    void aMonthWhoseRedemptionsWereAllPostedReconciles() {
        PeriodKey month = TestMonths.past();
        List<EventEnvelope> events = List.of(
                fixture.coupon("PLATFORM", "HOTEL", 1_500, at(month, 1, 10)),
                fixture.coupon("PLATFORM", "HOTEL", 500, at(month, 2, 10)),
                fixture.points("DINE_IN", at(month, 3, 10), new SpentLot("HOTEL", 700), new SpentLot("DINE_IN", 10)),
                fixture.coupon("RETAIL", "RETAIL", 300, at(month, 4, 10)));
        fixture.send(events);
        fixture.awaitPostedAndTallied(events);

        JsonNode view = reconciliation(month);

        assertThat(view.get("reconciled").asBoolean()).isTrue();
        assertThat(view.get("differences")).isEmpty();
        assertThat(view.get("journalLinesSumFen").asLong()).isZero();
        assertThat(pairs(view))
                .containsExactly(
                        "COUPON PLATFORM>HOTEL MATCHED 2/2 2000/2000",
                        "COUPON RETAIL>RETAIL MATCHED 1/1 300/300",
                        "POINTS DINE_IN>DINE_IN MATCHED 1/1 10/10",
                        "POINTS HOTEL>DINE_IN MATCHED 1/1 700/700");
        assertThat(view.get("journal").get("faceFen").asLong()).isEqualTo(3_010);
        assertThat(view.get("reported").get("count").asLong()).isEqualTo(5);
    }

    @Test
    void anEventTheJournalDeadLetteredShowsAsADifferenceNamingThePairAndAmount() {
        PeriodKey month = TestMonths.past();
        EventEnvelope posted = fixture.points("DINE_IN", at(month, 5, 10), new SpentLot("HOTEL", 400));
        EventEnvelope inconsistent =
                fixture.pointsClaiming("DINE_IN", 900, at(month, 6, 10), new SpentLot("HOTEL", 600));

        fixture.send(posted, inconsistent);
        fixture.awaitPostedAndTallied(posted);
        fixture.awaitTallied(List.of(inconsistent));
        assertThat(TestKafka.records(
                        Topics.deadLetter(Topics.POINTS),
                        v -> v.contains(inconsistent.eventId().toString()),
                        1,
                        Duration.ofSeconds(30)))
                .isNotEmpty();

        JsonNode view = reconciliation(month);

        assertThat(view.get("reconciled").asBoolean()).isFalse();
        assertThat(view.get("differences")).hasSize(1);
        JsonNode difference = view.get("differences").get(0);
        assertThat(difference.get("benefitType").asString()).isEqualTo("POINTS");
        assertThat(difference.get("fromBu").asString()).isEqualTo("HOTEL");
        assertThat(difference.get("toBu").asString()).isEqualTo("DINE_IN");
        assertThat(difference.get("status").asString()).isEqualTo("MISMATCH");
        assertThat(difference.get("journalCount").asLong()).isEqualTo(1);
        assertThat(difference.get("reportedCount").asLong()).isEqualTo(2);
        assertThat(difference.get("faceDifferenceFen").asLong()).isEqualTo(-600);
        assertThat(difference.get("missingInJournal").get(0).asString())
                .isEqualTo(inconsistent.eventId().toString());
        assertThat(difference.get("missingInReport")).isEmpty();
    }

    @Test
    void aRedemptionByABuSettlementDoesNotKnowShowsAsMissingInTheJournal() {
        PeriodKey month = TestMonths.past();
        EventEnvelope unknown = fixture.coupon("MARS_BASE", "TRAVEL", 2_500, at(month, 7, 10));

        fixture.send(unknown);
        fixture.awaitTallied(List.of(unknown));
        Consumption.awaitAllConsumed();

        JsonNode difference = reconciliation(month).get("differences").get(0);
        assertThat(difference.get("fromBu").asString()).isEqualTo("MARS_BASE");
        assertThat(difference.get("toBu").asString()).isEqualTo("TRAVEL");
        assertThat(difference.get("status").asString()).isEqualTo("MISSING_IN_JOURNAL");
        assertThat(difference.get("reportedFaceFen").asLong()).isEqualTo(2_500);
        assertThat(difference.get("faceDifferenceFen").asLong()).isEqualTo(-2_500);
    }

    @Test
    void aPostingTheTallyNeverRecordedShowsAsMissingInTheReport() {
        PeriodKey month = TestMonths.past();
        EventEnvelope redeemed = fixture.coupon("ENTERTAINMENT", "FOOD_DELIVERY", 1_800, at(month, 8, 10));
        fixture.send(redeemed);
        fixture.awaitPostedAndTallied(redeemed);
        // the tally losing a report: what a failed second consumer would leave behind
        fixture.jdbc()
                .sql("DELETE FROM redemption_report WHERE event_id = ?")
                .param(redeemed.eventId().toString())
                .update();

        JsonNode difference = reconciliation(month).get("differences").get(0);

        assertThat(difference.get("fromBu").asString()).isEqualTo("ENTERTAINMENT");
        assertThat(difference.get("toBu").asString()).isEqualTo("FOOD_DELIVERY");
        assertThat(difference.get("status").asString()).isEqualTo("MISSING_IN_REPORT");
        assertThat(difference.get("journalAmountFen").asLong()).isEqualTo(1_800);
        assertThat(difference.get("faceDifferenceFen").asLong()).isEqualTo(1_800);
        assertThat(difference.get("missingInReport").get(0).asString())
                .isEqualTo(redeemed.eventId().toString());
    }

    @Test
    void aLateEventReconcilesInTheMonthItWasUsed() {
        PeriodKey month = TestMonths.past();
        EventEnvelope inTime = fixture.coupon("HEALTH", "HOTEL", 100, at(month, 9, 10));
        fixture.send(inTime);
        fixture.awaitPostedAndTallied(inTime);
        fixture.post("/api/v1/admin/settlement/periods/" + month + "/close", TestTokens.admin());
        EventEnvelope late = fixture.coupon("HEALTH", "HOTEL", 100, at(month, 10, 10));
        fixture.send(late);
        fixture.awaitPostedAndTallied(late);

        JsonNode view = reconciliation(month);

        assertThat(view.get("reconciled").asBoolean()).isTrue();
        assertThat(pairs(view)).containsExactly("COUPON HEALTH>HOTEL MATCHED 2/2 200/200");
        assertThat(reconciliation(month.next()).get("pairs")).isEmpty();
    }

    @Test
    void reconciliationIsForAdminOnly() {
        PeriodKey month = TestMonths.past();
        String path = "/api/v1/admin/settlement/periods/" + month + "/reconciliation";

        assertThat(fixture.get(path, TestTokens.bu("HOTEL")).getStatusCode().value())
                .isEqualTo(403);
        assertThat(fixture.get("/api/v1/admin/settlement/periods/x/reconciliation", TestTokens.admin())
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    private JsonNode reconciliation(PeriodKey month) {
        return fixture.tree(
                fixture.get("/api/v1/admin/settlement/periods/" + month + "/reconciliation", TestTokens.admin())
                        .getBody());
    }

    private static List<String> pairs(JsonNode view) {
        return view.get("pairs")
                .valueStream()
                .map(p -> p.get("benefitType").asString() + " "
                        + p.get("fromBu").asString() + ">"
                        + p.get("toBu").asString() + " " + p.get("status").asString() + " "
                        + p.get("journalCount").asLong() + "/"
                        + p.get("reportedCount").asLong() + " "
                        + p.get("journalFaceFen").asLong() + "/"
                        + p.get("reportedFaceFen").asLong())
                .toList();
    }
}
