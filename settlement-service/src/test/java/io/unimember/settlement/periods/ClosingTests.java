package io.unimember.settlement.periods;

import static io.unimember.settlement.support.TestMonths.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.SpentLot;
import io.unimember.common.events.Topics;
import io.unimember.settlement.support.Consumption;
import io.unimember.settlement.support.Fixture;
import io.unimember.settlement.support.SettlementIntegrationTest;
import io.unimember.settlement.support.TestMonths;
import io.unimember.testsupport.TestKafka;
import io.unimember.testsupport.TestOutbox;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

@SettlementIntegrationTest
class ClosingTests {

    private static final String CSV = "text/csv";

    @Autowired
    Fixture fixture;

    @Autowired
    DataSource dataSource;

    @Test
    void closingIsForOperatorsAndFinanceAndGoesInTheAuditLogOnce() {
        PeriodKey month = TestMonths.past();
        String support = operator("op-support-" + month, "SUPPORT");
        String finance = operator("op-finance-" + month, "FINANCE");

        ResponseEntity<String> refused = fixture.post(closePath(month), support);
        ResponseEntity<String> closed = fixture.post(closePath(month), finance);
        ResponseEntity<String> again = fixture.post(closePath(month), finance);

        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody()).contains("ROLE_REQUIRED");
        assertThat(closed.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody()).isEqualTo(closed.getBody());
        String target = "\"period:" + month + "\"";
        List<ConsumerRecord<String, String>> recorded = TestKafka.records(
                Topics.ADMIN,
                v -> v.contains(target) && v.contains("admin.action_recorded"),
                1,
                Duration.ofSeconds(30));
        assertThat(recorded).hasSize(1);
        JsonNode data = fixture.tree(recorded.getFirst().value()).path("data");
        assertThat(data.path("actor").asString()).isEqualTo("op-finance-" + month);
        assertThat(data.path("role").asString()).isEqualTo("FINANCE");
        assertThat(data.path("service").asString()).isEqualTo("settlement-service");
        assertThat(data.path("action").asString()).isEqualTo("SETTLEMENT_PERIOD_CLOSED");
        assertThat(fixture.tree(data.path("after").asString()).path("status").asString())
                .isEqualTo("CLOSED");
        // closing a closed month changes nothing, and records nothing
        TestOutbox.awaitSent(dataSource, "period:" + month);
        assertThat(TestKafka.recordsUpToNow(Topics.ADMIN, v -> v.contains(target)))
                .hasSize(1);
    }

    private static String operator(String id, String role) {
        return TestTokens.builder()
                .subject(id)
                .claim("operator_id", id)
                .claim("role", role)
                .scope("admin")
                .build();
    }

    @Test
    void aLateEventAfterCloseLandsInTheNextPeriodAndTheClosedStatementIsByteForByteUnchanged() {
        PeriodKey month = TestMonths.past();
        List<EventEnvelope> inTime = List.of(
                fixture.coupon("PLATFORM", "HOTEL", 1_500, at(month, 3, 10)),
                fixture.points("DINE_IN", at(month, 9, 20), new SpentLot("HOTEL", 800), new SpentLot("RETAIL", 200)),
                fixture.coupon("HOTEL", "DINE_IN", 500, at(month, 28, 23)));
        fixture.send(inTime);
        fixture.awaitPostedAndTallied(inTime);

        ResponseEntity<String> close = fixture.post(closePath(month), TestTokens.admin());
        assertThat(close.getStatusCode().value()).isEqualTo(200);
        assertThat(fixture.tree(close.getBody()).get("status").asString()).isEqualTo("CLOSED");
        List<String> closedViews = views(month);

        EventEnvelope late = fixture.coupon("HOTEL", "DINE_IN", 999, at(month, 30, 12));
        fixture.send(late);
        fixture.awaitPostedAndTallied(late);

        assertThat(fixture.jdbc()
                        .sql("SELECT usage_period, posting_period FROM posting WHERE event_id = ?")
                        .param(late.eventId().toString())
                        .query((rs, n) -> rs.getString(1) + ">" + rs.getString(2))
                        .single())
                .isEqualTo(month + ">" + month.next());
        assertThat(views(month))
                .as("admin and BU statements, JSON and CSV, and the period")
                .isEqualTo(closedViews);
        assertThat(fixture.post(closePath(month), TestTokens.admin()).getBody())
                .as("closing again answers what was stored")
                .isEqualTo(close.getBody());

        JsonNode next = fixture.tree(
                fixture.get(statements(month.next()), TestTokens.bu("DINE_IN")).getBody());
        assertThat(next.get("provisional").asBoolean()).isTrue();
        JsonNode line = next.get("statements").get(0).get("lines").get(0);
        assertThat(line.get("eventId").asString()).isEqualTo(late.eventId().toString());
        assertThat(line.get("usagePeriod").asString()).isEqualTo(month.toString());
        assertThat(line.get("amountFen").asLong()).isEqualTo(999);
    }

    @Test
    void closingFreezesTheNetPositionsBetweenEachPair() {
        PeriodKey month = TestMonths.past();
        List<EventEnvelope> events = List.of(
                fixture.coupon("HOTEL", "DINE_IN", 1_000, at(month, 2, 10)),
                fixture.coupon("DINE_IN", "HOTEL", 300, at(month, 3, 10)),
                fixture.points("TRAVEL", at(month, 4, 10), new SpentLot("HOTEL", 250)),
                fixture.coupon("PLATFORM", "TRAVEL", 400, at(month, 5, 10)),
                fixture.coupon("PLATFORM", "PLATFORM", 400, at(month, 5, 10)));
        fixture.send(events);
        fixture.awaitPostedAndTallied(events);

        JsonNode closed =
                fixture.tree(fixture.post(closePath(month), TestTokens.admin()).getBody());

        assertThat(closed.get("postingCount").asLong()).isEqualTo(5);
        assertThat(closed.get("lineCount").asLong()).isEqualTo(8);
        assertThat(closed.get("grossFen").asLong()).isEqualTo(1_950);
        assertThat(closed.get("linesSumFen").asLong()).isZero();
        assertThat(closed.get("provisional").asBoolean()).isFalse();
        assertThat(positions(closed)).containsExactly("HOTEL>DINE_IN:700", "HOTEL>TRAVEL:250", "PLATFORM>TRAVEL:400");
        assertThat(closed.get("partyNets").findValues("netFen").stream()
                        .mapToLong(JsonNode::asLong)
                        .sum())
                .isZero();
        assertThat(fixture.get("/api/v1/admin/settlement/periods/" + month, TestTokens.admin())
                        .getBody())
                .isEqualTo(fixture.post(closePath(month), TestTokens.admin()).getBody());
    }

    @Test
    void postingsRacingConcurrentClosesEachLandInExactlyOnePeriodAndNoneEntersTheClosedOne() throws Exception {
        PeriodKey month = TestMonths.past();
        Random random = new Random(42);
        List<String> bus = List.of("FOOD_DELIVERY", "DINE_IN", "HOTEL", "TRAVEL", "ENTERTAINMENT", "HEALTH", "RETAIL");
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            events.add(fixture.coupon(
                    bus.get(random.nextInt(bus.size())),
                    bus.get(random.nextInt(bus.size())),
                    1 + random.nextInt(5_000),
                    at(month, 1 + random.nextInt(28), random.nextInt(24))));
        }

        fixture.send(events);
        // close mid-stream: some postings are in, the rest are still arriving
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> count("SELECT COUNT(*) FROM posting WHERE posting_period = ?", month) >= 30);
        List<Future<ResponseEntity<String>>> closes = new ArrayList<>();
        try (var threads = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                Callable<ResponseEntity<String>> close = () -> fixture.post(closePath(month), TestTokens.admin());
                closes.add(threads.submit(close));
            }
        }
        fixture.awaitPostedAndTallied(events);
        Consumption.awaitAllConsumed();

        List<String> bodies = new ArrayList<>();
        for (Future<ResponseEntity<String>> close : closes) {
            assertThat(close.get().getStatusCode().value()).isEqualTo(200);
            bodies.add(close.get().getBody());
        }
        assertThat(bodies)
                .as("every concurrent close answers the one stored result")
                .containsOnly(bodies.getFirst());
        JsonNode closed = fixture.tree(bodies.getFirst());
        long inMonth = count("SELECT COUNT(*) FROM posting WHERE posting_period = ?", month);
        long inNext = count("SELECT COUNT(*) FROM posting WHERE posting_period = ?", month.next());
        assertThat(inMonth + inNext).isEqualTo(150);
        assertThat(closed.get("postingCount").asLong())
                .as("nothing entered the period after it closed")
                .isEqualTo(inMonth);
        assertThat(closed.get("lineCount").asLong())
                .isEqualTo(count("SELECT COUNT(*) FROM journal_line WHERE posting_period = ?", month));
        assertThat(positions(closed)).isEqualTo(netsFromLines(month));
        assertThat(count("SELECT COALESCE(SUM(amount_fen), 0) FROM journal_line WHERE posting_period = ?", month))
                .isZero();
    }

    @Test
    void aPeriodCannotBeClosedBeforeItEnds() {
        PeriodKey current = new PeriodKey(YearMonth.from(Instant.now().atZone(TestMonths.SHANGHAI)));

        ResponseEntity<String> response = fixture.post(closePath(current), TestTokens.admin());

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getBody()).contains("\"code\":\"PERIOD_NOT_ENDED\"");
        assertThat(fixture.tree(fixture.get("/api/v1/admin/settlement/periods/" + current, TestTokens.admin())
                                .getBody())
                        .get("status")
                        .asString())
                .isEqualTo("OPEN");
    }

    @Test
    void onlyAdminClosesAPeriodAndTheMonthMustBeReal() {
        PeriodKey month = TestMonths.past();

        assertThat(fixture.post(closePath(month), TestTokens.bu("HOTEL"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        ResponseEntity<String> badMonth =
                fixture.post("/api/v1/admin/settlement/periods/2026-13/close", TestTokens.admin());
        assertThat(badMonth.getStatusCode().value()).isEqualTo(400);
        assertThat(badMonth.getBody()).contains("VALIDATION_FAILED", "\"field\":\"period\"");
        assertThat(fixture.get("/api/v1/admin/settlement/periods/" + month, TestTokens.admin())
                        .getBody())
                .contains("\"status\":\"OPEN\"");
    }

    private List<String> views(PeriodKey month) {
        return List.of(
                fixture.get(statements(month), TestTokens.admin()).getBody(),
                fixture.get(statements(month), TestTokens.admin(), CSV).getBody(),
                fixture.get(statements(month), TestTokens.bu("HOTEL")).getBody(),
                fixture.get(statements(month), TestTokens.bu("HOTEL"), CSV).getBody(),
                fixture.get(statements(month), TestTokens.bu("DINE_IN"), CSV).getBody(),
                fixture.get("/api/v1/admin/settlement/periods/" + month, TestTokens.admin())
                        .getBody());
    }

    private List<String> positions(JsonNode summary) {
        List<String> positions = new ArrayList<>();
        for (JsonNode p : summary.get("netPositions")) {
            if (p.get("netFen").asLong() != 0) {
                positions.add(p.get("fromBu").asString() + ">" + p.get("toBu").asString() + ":"
                        + p.get("netFen").asLong());
            }
        }
        return positions;
    }

    /** Net positions worked out in SQL straight from the lines, independent of the netting code. */
    private List<String> netsFromLines(PeriodKey month) {
        return fixture.jdbc()
                .sql(
                        """
                        SELECT counterparty, party, SUM(amount_fen) FROM journal_line
                        WHERE posting_period = ? AND party <> counterparty
                        GROUP BY party, counterparty HAVING SUM(amount_fen) > 0 ORDER BY counterparty, party""")
                .param(month.toString())
                .query((rs, n) -> rs.getString(1) + ">" + rs.getString(2) + ":" + rs.getLong(3))
                .list();
    }

    private long count(String sql, PeriodKey month) {
        return fixture.jdbc().sql(sql).param(month.toString()).query(Long.class).single();
    }

    private static String closePath(PeriodKey month) {
        return "/api/v1/admin/settlement/periods/" + month + "/close";
    }

    private static String statements(PeriodKey month) {
        return "/api/v1/settlement/periods/" + month + "/statements";
    }
}
