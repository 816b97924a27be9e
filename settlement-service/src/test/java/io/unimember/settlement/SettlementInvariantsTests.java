package io.unimember.settlement;

import static io.unimember.settlement.support.TestMonths.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.SpentLot;
import io.unimember.settlement.periods.PeriodKey;
import io.unimember.settlement.support.Consumption;
import io.unimember.settlement.support.Fixture;
import io.unimember.settlement.support.SettlementIntegrationTest;
import io.unimember.settlement.support.TestMonths;
import io.unimember.testsupport.TestTokens;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The invariants over a generated month of mixed activity across all seven BUs and the platform. */
@SettlementIntegrationTest
class SettlementInvariantsTests {

    private static final List<String> BUS =
            List.of("FOOD_DELIVERY", "DINE_IN", "HOTEL", "TRAVEL", "ENTERTAINMENT", "HEALTH", "RETAIL");
    private static final List<String> FUNDERS =
            List.of("FOOD_DELIVERY", "DINE_IN", "HOTEL", "TRAVEL", "ENTERTAINMENT", "HEALTH", "RETAIL", "PLATFORM");

    @Autowired
    Fixture fixture;

    @Test
    void aGeneratedMonthAcrossAllPartiesSumsToZeroAndNetsToZero() {
        PeriodKey month = TestMonths.past();
        List<Fixture.Price> prices = List.of(
                new Fixture.Price("COUPON", "PLATFORM", "DINE_IN", 9_000, at(month, 10, 0)),
                new Fixture.Price("POINTS", "HOTEL", "DINE_IN", 7_500, at(month, 1, 0)),
                new Fixture.Price("POINTS", "RETAIL", "HEALTH", 3_333, at(month, 15, 12)),
                new Fixture.Price("COUPON", "TRAVEL", "ENTERTAINMENT", 6_667, at(month, 20, 0)));
        fixture.pricesWithin(month, prices);
        Month generated = generate(month, new Random(2026_11_22L), 260);

        fixture.send(generated.events());
        fixture.awaitPostedAndTallied(generated.events());

        assertThat(postingsNotSummingToZero(month)).isEmpty();
        assertThat(linesSum(month)).isZero();

        Map<String, Long> expectedNets = generated.expectedNets(prices);
        assertThat(expectedNets.keySet()).containsAll(FUNDERS);
        JsonNode open = statements(month);
        assertThat(nets(open)).isEqualTo(withoutZeros(expectedNets));
        assertThat(nets(open).values().stream().mapToLong(Long::longValue).sum())
                .isZero();
        long owed = open.get("statements").findValues("grossOwedFen").stream()
                .mapToLong(JsonNode::asLong)
                .sum();
        long due = open.get("statements").findValues("grossDueFen").stream()
                .mapToLong(JsonNode::asLong)
                .sum();
        assertThat(owed).isEqualTo(due).isPositive();

        JsonNode closed =
                fixture.tree(fixture.post("/api/v1/admin/settlement/periods/" + month + "/close", TestTokens.admin())
                        .getBody());
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("postingCount").asLong())
                .isEqualTo(generated.events().size());
        assertThat(closed.get("grossFen").asLong()).isEqualTo(due);
        assertThat(closed.get("partyNets").findValues("netFen").stream()
                        .mapToLong(JsonNode::asLong)
                        .sum())
                .isZero();
        Map<String, Long> closedNets = new TreeMap<>();
        closed.get("partyNets")
                .forEach(n -> closedNets.put(
                        n.get("party").asString(), n.get("netFen").asLong()));
        assertThat(withoutZeros(closedNets)).isEqualTo(withoutZeros(expectedNets));
        assertThat(nets(statements(month))).isEqualTo(withoutZeros(expectedNets));

        JsonNode reconciliation = fixture.tree(
                fixture.get("/api/v1/admin/settlement/periods/" + month + "/reconciliation", TestTokens.admin())
                        .getBody());
        assertThat(reconciliation.get("reconciled").asBoolean()).isTrue();
        assertThat(reconciliation.get("journal").get("faceFen").asLong()).isEqualTo(generated.faceFen());
    }

    @Test
    void redeliveringEveryEventOfAMonthChangesNothingBeforeOrAfterClose() {
        PeriodKey month = TestMonths.past();
        Month generated = generate(month, new Random(99), 120);
        fixture.send(generated.events());
        fixture.awaitPostedAndTallied(generated.events());
        List<String> before = snapshot(month);

        fixture.send(generated.events());
        Consumption.awaitAllConsumed();
        assertThat(snapshot(month)).isEqualTo(before);

        fixture.post("/api/v1/admin/settlement/periods/" + month + "/close", TestTokens.admin());
        List<String> closed = snapshot(month);
        fixture.send(generated.events());
        Consumption.awaitAllConsumed();
        assertThat(snapshot(month)).isEqualTo(closed);
        assertThat(rows("SELECT COUNT(*) FROM posting WHERE posting_period = ?", month.next()))
                .as("no redelivered event was taken for a late one")
                .isZero();
    }

    private List<String> snapshot(PeriodKey month) {
        return List.of(
                fixture.get("/api/v1/settlement/periods/" + month + "/statements", TestTokens.admin())
                        .getBody(),
                fixture.get("/api/v1/settlement/periods/" + month + "/statements", TestTokens.admin(), "text/csv")
                        .getBody(),
                fixture.get("/api/v1/admin/settlement/periods/" + month + "/reconciliation", TestTokens.admin())
                        .getBody(),
                "postings " + rows("SELECT COUNT(*) FROM posting WHERE usage_period = ?", month),
                "items " + rows("SELECT COUNT(*) FROM posting_item WHERE usage_period = ?", month),
                "lines " + rows("SELECT COUNT(*) FROM journal_line WHERE posting_period = ?", month),
                "reports " + rows("SELECT COUNT(*) FROM redemption_report WHERE usage_period = ?", month));
    }

    private Month generate(PeriodKey month, Random random, int count) {
        List<EventEnvelope> events = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant usedAt =
                    at(month, 1 + random.nextInt(28), random.nextInt(24)).plusSeconds(random.nextInt(3600));
            if (random.nextBoolean()) {
                String funding = FUNDERS.get(random.nextInt(FUNDERS.size()));
                String redeeming = BUS.get(random.nextInt(BUS.size()));
                long discount = 1 + random.nextInt(5_000);
                events.add(fixture.coupon(funding, redeeming, discount, usedAt));
                claims.add(new Claim("COUPON", funding, redeeming, discount, usedAt));
            } else {
                String spending = BUS.get(random.nextInt(BUS.size()));
                int lotCount = 1 + random.nextInt(3);
                SpentLot[] lots = new SpentLot[lotCount];
                Map<String, Long> byIssuer = new TreeMap<>();
                for (int l = 0; l < lotCount; l++) {
                    lots[l] = new SpentLot(BUS.get(random.nextInt(BUS.size())), 1 + random.nextInt(3_000));
                    byIssuer.merge(lots[l].issuingBu(), lots[l].points(), Long::sum);
                }
                events.add(fixture.points(spending, usedAt, lots));
                byIssuer.forEach((issuer, points) -> claims.add(new Claim("POINTS", issuer, spending, points, usedAt)));
            }
        }
        return new Month(events, claims);
    }

    /** What one party owes another for one redemption, before prices. */
    private record Claim(String type, String from, String to, long faceFen, Instant usedAt) {}

    private record Month(List<EventEnvelope> events, List<Claim> claims) {

        long faceFen() {
            return claims.stream().mapToLong(Claim::faceFen).sum();
        }

        /** Each party's due minus owed, priced here independently of the service (half up, per redemption). */
        Map<String, Long> expectedNets(List<Fixture.Price> prices) {
            Map<String, Long> nets = new TreeMap<>();
            FUNDERS.forEach(p -> nets.put(p, 0L));
            for (Claim c : claims) {
                if (c.from().equals(c.to())) {
                    continue;
                }
                int rate = prices.stream()
                        .filter(p -> p.benefitType().equals(c.type())
                                && p.fromBu().equals(c.from())
                                && p.toBu().equals(c.to())
                                && !p.effectiveFrom().isAfter(c.usedAt()))
                        .max(Comparator.comparing(Fixture.Price::effectiveFrom))
                        .map(Fixture.Price::rateBp)
                        .orElse(10_000);
                long amount = BigDecimal.valueOf(c.faceFen() * rate)
                        .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP)
                        .longValueExact();
                nets.merge(c.to(), amount, Long::sum);
                nets.merge(c.from(), -amount, Long::sum);
            }
            return nets;
        }
    }

    private JsonNode statements(PeriodKey month) {
        return fixture.tree(fixture.get("/api/v1/settlement/periods/" + month + "/statements", TestTokens.admin())
                .getBody());
    }

    private static Map<String, Long> nets(JsonNode view) {
        Map<String, Long> nets = new TreeMap<>();
        view.get("statements")
                .forEach(
                        s -> nets.put(s.get("party").asString(), s.get("netFen").asLong()));
        return withoutZeros(nets);
    }

    private static Map<String, Long> withoutZeros(Map<String, Long> nets) {
        Map<String, Long> result = new TreeMap<>(nets);
        result.values().removeIf(v -> v == 0);
        return result;
    }

    private List<Long> postingsNotSummingToZero(PeriodKey month) {
        return fixture.jdbc()
                .sql(
                        """
                        SELECT posting_id FROM journal_line WHERE posting_period = ?
                        GROUP BY posting_id HAVING SUM(amount_fen) <> 0""")
                .param(month.toString())
                .query(Long.class)
                .list();
    }

    private long linesSum(PeriodKey month) {
        return rows("SELECT COALESCE(SUM(amount_fen), 0) FROM journal_line WHERE posting_period = ?", month);
    }

    private long rows(String sql, PeriodKey month) {
        return fixture.jdbc().sql(sql).param(month.toString()).query(Long.class).single();
    }
}
