package io.unimember.settlement.prices;

import static io.unimember.settlement.support.TestMonths.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.SpentLot;
import io.unimember.settlement.periods.PeriodKey;
import io.unimember.settlement.support.Fixture;
import io.unimember.settlement.support.SettlementIntegrationTest;
import io.unimember.settlement.support.TestMonths;
import io.unimember.testsupport.TestTokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@SettlementIntegrationTest
class PricesTests {

    private static final String PRICES = "/api/v1/admin/settlement/prices";

    @Autowired
    Fixture fixture;

    @Test
    void aPriceChangeMidMonthAffectsOnlyUsagesAfterItWhenEverTheirEventsArrive() {
        PeriodKey month = TestMonths.past();
        Instant change = at(month, 16, 0);
        fixture.pricesWithin(
                month,
                List.of(
                        new Fixture.Price("POINTS", "HOTEL", "DINE_IN", 8_000, at(month, 1, 0)),
                        new Fixture.Price("POINTS", "HOTEL", "DINE_IN", 6_000, change)));
        EventEnvelope after = fixture.points("DINE_IN", at(month, 20, 9), new SpentLot("HOTEL", 1_001));
        EventEnvelope atTheChange = fixture.points("DINE_IN", change, new SpentLot("HOTEL", 1_001));
        EventEnvelope justBefore = fixture.points("DINE_IN", change.minusNanos(1_000), new SpentLot("HOTEL", 1_001));
        EventEnvelope before = fixture.points("DINE_IN", at(month, 10, 9), new SpentLot("HOTEL", 1_001));
        EventEnvelope otherPair = fixture.points("DINE_IN", at(month, 20, 9), new SpentLot("RETAIL", 1_001));

        fixture.send(after, atTheChange, justBefore, before, otherPair);
        fixture.awaitPostedAndTallied(after, atTheChange, justBefore, before, otherPair);

        assertThat(rateAndAmount(before)).isEqualTo("8000:801");
        assertThat(rateAndAmount(justBefore)).isEqualTo("8000:801");
        assertThat(rateAndAmount(atTheChange)).isEqualTo("6000:601");
        assertThat(rateAndAmount(after)).isEqualTo("6000:601");
        assertThat(rateAndAmount(otherPair))
                .as("a pair without a price settles at 100%")
                .isEqualTo("10000:1001");
    }

    @Test
    void aPriceIsSetPerBenefitTypeAndDirection() {
        PeriodKey month = TestMonths.past();
        fixture.pricesWithin(
                month, List.of(new Fixture.Price("COUPON", "PLATFORM", "ENTERTAINMENT", 5_000, at(month, 1, 0))));
        EventEnvelope coupon = fixture.coupon("PLATFORM", "ENTERTAINMENT", 1_500, at(month, 2, 12));
        EventEnvelope reverse = fixture.coupon("ENTERTAINMENT", "PLATFORM", 1_500, at(month, 2, 12));
        EventEnvelope points = fixture.points("ENTERTAINMENT", at(month, 2, 12), new SpentLot("PLATFORM", 1_500));

        fixture.send(coupon, reverse, points);
        fixture.awaitPostedAndTallied(coupon, reverse, points);

        assertThat(rateAndAmount(coupon)).isEqualTo("5000:750");
        assertThat(rateAndAmount(reverse)).isEqualTo("10000:1500");
        assertThat(rateAndAmount(points)).isEqualTo("10000:1500");
    }

    @Test
    void settingTheSameVersionAgainChangesNothingAndAnotherRateForItIsAConflict() {
        Instant from = Instant.now().plus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String version = price("COUPON", "HEALTH", "TRAVEL", 7_500, from);

        var first = fixture.put(PRICES, TestTokens.admin(), version);
        var again = fixture.put(PRICES, TestTokens.admin(), version);
        var conflict = fixture.put(PRICES, TestTokens.admin(), price("COUPON", "HEALTH", "TRAVEL", 7_000, from));

        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(conflict.getStatusCode().value()).isEqualTo(409);
        assertThat(conflict.getBody()).contains("\"code\":\"PRICE_VERSION_CONFLICT\"");
        JsonNode listed = fixture.tree(
                        fixture.get(PRICES + "?benefitType=COUPON&fromBu=HEALTH&toBu=TRAVEL", TestTokens.admin())
                                .getBody())
                .get("items");
        assertThat(listed.findValuesAsString("effectiveFrom")).containsOnlyOnce(from.toString());
        assertThat(listed.findValues("rateBp").stream().map(JsonNode::asInt)).containsOnly(7_500);
    }

    @Test
    void aPriceCannotTakeEffectInThePast() {
        var response = fixture.put(
                PRICES,
                TestTokens.admin(),
                price("POINTS", "TRAVEL", "HOTEL", 9_000, Instant.now().minusSeconds(60)));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("VALIDATION_FAILED", "prices[0].effectiveFrom");
    }

    @Test
    void invalidPricesAreA400NamingEachField() {
        Instant later = Instant.now().plus(500, ChronoUnit.DAYS);
        String body = "{\"prices\":["
                + entry("POINTS", "MARS_BASE", "HOTEL", "9000", later) + ","
                + entry("POINTS", "HOTEL", "HOTEL", "9000", later) + ","
                + entry("COUPON", "HOTEL", "DINE_IN", "10001", later) + ","
                + entry("COUPON", "HOTEL", "DINE_IN", "-1", later) + "]}";

        // only the two out-of-bounds rates become valid ones: the dates hold "-1" too (April 15th, say)
        var semantic = fixture.put(
                PRICES,
                TestTokens.admin(),
                body.replace("\"rateBp\":10001", "\"rateBp\":9000").replace("\"rateBp\":-1", "\"rateBp\":9000"));
        var bounds = fixture.put(PRICES, TestTokens.admin(), body);
        var wrongEnum = fixture.put(PRICES, TestTokens.admin(), price("MONEY", "HOTEL", "DINE_IN", 1, later));
        var rateAsText = fixture.put(
                PRICES,
                TestTokens.admin(),
                "{\"prices\":[" + entry("COUPON", "HOTEL", "DINE_IN", "\"9000\"", later) + "]}");
        var rateWithFraction = fixture.put(
                PRICES,
                TestTokens.admin(),
                "{\"prices\":[" + entry("COUPON", "HOTEL", "DINE_IN", "9000.5", later) + "]}");
        var empty = fixture.put(PRICES, TestTokens.admin(), "{\"prices\":[]}");
        var missing = fixture.put(PRICES, TestTokens.admin(), "{\"prices\":[{\"benefitType\":\"COUPON\"}]}");
        var tooLong = fixture.put(PRICES, TestTokens.admin(), price("COUPON", "X".repeat(33), "DINE_IN", 1, later));

        assertThat(semantic.getStatusCode().value()).isEqualTo(400);
        assertThat(semantic.getBody()).contains("prices[0].fromBu", "prices[1].toBu");
        assertThat(bounds.getStatusCode().value()).isEqualTo(400);
        assertThat(bounds.getBody()).contains("prices[2].rateBp", "prices[3].rateBp");
        assertThat(wrongEnum.getStatusCode().value()).isEqualTo(400);
        assertThat(wrongEnum.getBody()).contains("benefitType");
        assertThat(rateAsText.getStatusCode().value()).isEqualTo(400);
        assertThat(rateWithFraction.getStatusCode().value()).isEqualTo(400);
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(empty.getBody()).contains("\"field\":\"prices\"");
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(missing.getBody()).contains("prices[0].fromBu", "prices[0].rateBp", "prices[0].effectiveFrom");
        assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
        assertThat(fixture.get(PRICES + "?fromBu=MARS_BASE", TestTokens.admin()).getBody())
                .contains("\"items\":[]");
    }

    @Test
    void pricesAreListedOldestFirstPageByPage() {
        Instant from = Instant.now().plus(600, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String pair = "&fromBu=FOOD_DELIVERY&toBu=RETAIL";
        for (int i = 0; i < 3; i++) {
            fixture.put(
                    PRICES,
                    TestTokens.admin(),
                    price("POINTS", "FOOD_DELIVERY", "RETAIL", 9_000 + i, from.plusSeconds(i)));
        }

        JsonNode first = fixture.tree(
                fixture.get(PRICES + "?limit=2" + pair, TestTokens.admin()).getBody());
        JsonNode second = fixture.tree(fixture.get(
                        PRICES + "?limit=2" + pair + "&cursor="
                                + first.get("nextCursor").asString(),
                        TestTokens.admin())
                .getBody());

        assertThat(first.get("items").findValues("rateBp").stream().map(JsonNode::asInt))
                .containsExactly(9_000, 9_001);
        assertThat(second.get("items").findValues("rateBp").stream().map(JsonNode::asInt))
                .containsExactly(9_002);
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertThat(fixture.get(PRICES + "?cursor=abc", TestTokens.admin())
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(fixture.get(PRICES + "?limit=0", TestTokens.admin())
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    @Test
    void onlyAdminSeesOrSetsPrices() {
        String body = price("POINTS", "TRAVEL", "HOTEL", 9_000, Instant.now().plus(1, ChronoUnit.DAYS));

        assertThat(fixture.put(PRICES, TestTokens.bu("TRAVEL"), body)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(fixture.get(PRICES, TestTokens.bu("TRAVEL")).getStatusCode().value())
                .isEqualTo(403);
        assertThat(fixture.get(PRICES, TestTokens.member("m-" + UUID.randomUUID()))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(fixture.get(PRICES, null).getStatusCode().value()).isEqualTo(401);
    }

    private String rateAndAmount(EventEnvelope event) {
        return fixture.jdbc()
                .sql(
                        """
                        SELECT i.rate_bp, i.amount_fen FROM posting_item i JOIN posting p ON p.id = i.posting_id
                        WHERE p.event_id = ?""")
                .param(event.eventId().toString())
                .query((rs, n) -> rs.getInt(1) + ":" + rs.getLong(2))
                .single();
    }

    private static String price(String type, String from, String to, int rate, Instant effectiveFrom) {
        return "{\"prices\":[" + entry(type, from, to, String.valueOf(rate), effectiveFrom) + "]}";
    }

    private static String entry(String type, String from, String to, String rate, Instant effectiveFrom) {
        return "{\"benefitType\":\"%s\",\"fromBu\":\"%s\",\"toBu\":\"%s\",\"rateBp\":%s,\"effectiveFrom\":\"%s\"}"
                .formatted(type, from, to, rate, effectiveFrom);
    }
}
