package io.unimember.points.liability;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.points.Api;
import io.unimember.points.PointsIntegrationTest;
import io.unimember.points.expiry.ExpiryJob;
import io.unimember.testsupport.TestClock;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The points liability per issuing BU and month (decision 0036). */
@PointsIntegrationTest
class LiabilityTests {

    private static final List<String> BUS = List.of("DINE_IN", "HOTEL", "RETAIL", "ENTERTAINMENT");

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    ExpiryJob expiry;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /**
     * A generated month of mixed traffic — orders at four BUs, points spent on orders at other BUs, holds cancelled,
     * partial and full refunds, lots of a year before expiring mid-month — then: for every issuing BU, closing =
     * opening + earned − redeemed + returned − expired, the closing is the next month's opening, redeemed splits by
     * spending BU, and all BUs' closings add up to what all members hold (available + frozen − debt).
     */
    @Test
    void closingIsOpeningPlusEarnedMinusRedeemedPlusReturnedMinusExpiredForEveryBuOverAGeneratedMonth() {
        Random random = new Random(26);
        List<String> members = new ArrayList<>();
        clock.travelTo(Instant.parse("2030-02-10T04:00:00Z")); // lots expiring 2031-03-01 Shanghai
        for (int i = 0; i < 12; i++) {
            String member = Api.newMember();
            members.add(member);
            api.order(BUS.get(i % BUS.size()), member, Api.newId("o"), 20_000 + random.nextInt(50_000));
        }
        Instant day = Instant.parse("2031-02-28T20:00:00Z"); // 04:00 on 1 March in Shanghai
        clock.travelTo(day);
        Map<String, String> orderBu = new HashMap<>();
        List<String> orders = new ArrayList<>();
        for (int step = 0; step < 160; step++) {
            clock.travelTo(day.plus(Duration.ofMinutes(step * 250L)));
            String member = members.get(random.nextInt(members.size()));
            String bu = BUS.get(random.nextInt(BUS.size()));
            switch (random.nextInt(6)) {
                case 0, 1 -> {
                    String orderId = Api.newId("o");
                    api.order(bu, member, orderId, 1_000 + random.nextInt(80_000));
                    orderBu.put(orderId, bu);
                    orders.add(orderId);
                }
                case 2 -> {
                    String orderId = Api.newId("o");
                    long available = api.me(member).number("available");
                    if (available > 10) {
                        api.spendOn(bu, member, orderId, 1 + random.nextInt((int) available / 2));
                    }
                    api.order(bu, member, orderId, 5_000 + random.nextInt(30_000));
                    orderBu.put(orderId, bu);
                    orders.add(orderId);
                }
                case 3 -> {
                    long available = api.me(member).number("available");
                    if (available > 1) {
                        String holdId = Api.newId("h");
                        api.hold(bu, member, holdId, 1 + random.nextInt((int) available));
                        api.cancel(bu, holdId);
                    }
                }
                case 4 -> {
                    if (!orders.isEmpty()) {
                        String orderId = orders.get(random.nextInt(orders.size()));
                        api.refund(orderBu.get(orderId), orderId, Api.newId("r"), 1 + random.nextInt(4_000));
                    }
                }
                default -> expiry.run();
            }
        }
        expiry.run();

        JsonNode march = report("2031-03", TestTokens.admin());
        JsonNode april = report("2031-04", TestTokens.admin());

        assertThat(march.path("period").asString()).isEqualTo("2031-03");
        Map<String, Long> aprilOpening = new HashMap<>();
        april.path("lines")
                .forEach(l -> aprilOpening.put(
                        l.path("issuingBu").asString(), l.path("openingPoints").asLong()));
        long expired = 0;
        long returned = 0;
        long closingTotal = 0;
        for (JsonNode line : march.path("lines")) {
            long closing = line.path("openingPoints").asLong()
                    + line.path("earned").asLong()
                    - line.path("redeemed").asLong()
                    + line.path("returned").asLong()
                    - line.path("expired").asLong();
            assertThat(line.path("closingPoints").asLong()).as(line.toString()).isEqualTo(closing);
            assertThat(aprilOpening.get(line.path("issuingBu").asString()))
                    .as("closing of March is April's opening: " + line)
                    .isEqualTo(closing);
            long byBu = 0;
            for (JsonNode share : line.path("redeemedBy")) {
                byBu += share.asLong();
            }
            assertThat(byBu).isEqualTo(line.path("redeemed").asLong());
            assertThat(line.path("closingValueFen").asLong()).isEqualTo(closing);
            expired += line.path("expired").asLong();
            returned += line.path("returned").asLong();
            closingTotal += closing;
        }
        assertThat(expired).as("the generated month expired lots").isPositive();
        assertThat(returned).as("the generated month returned spent points").isPositive();
        assertThat(closingTotal)
                .as("all BUs' liability is what all members hold")
                .isEqualTo(jdbc.sql("SELECT COALESCE(SUM(available + frozen - debt), 0) FROM member_balance")
                        .query(Long.class)
                        .single());
    }

    @Test
    void aBusinessUnitSeesOnlyItsOwnLineAndCsvHasOneRowPerBu() {
        clock.travelTo(Instant.parse("2031-06-10T04:00:00Z"));
        String member = Api.newMember();
        api.order("HOTEL", member, Api.newId("o"), 10_000);
        api.order("RETAIL", member, Api.newId("o"), 10_000);

        JsonNode own = report("2031-06", TestTokens.bu("HOTEL"));
        JsonNode asked = api.get("/api/v1/admin/points/liability?period=2031-06&bu=RETAIL", TestTokens.bu("HOTEL"))
                .json();
        Api.Reply csv = api.getCsv("/api/v1/admin/points/liability?period=2031-06", TestTokens.admin());

        assertThat(own.path("lines")).hasSize(1);
        assertThat(own.path("lines").get(0).path("issuingBu").asString()).isEqualTo("HOTEL");
        assertThat(own.path("lines").get(0).path("earned").asLong()).isGreaterThanOrEqualTo(100);
        assertThat(asked.path("lines")).hasSize(1);
        assertThat(asked.path("lines").get(0).path("issuingBu").asString()).isEqualTo("HOTEL");
        assertThat(csv.status()).isEqualTo(200);
        String[] rows = csv.raw().split("\r\n");
        assertThat(rows[0]).isEqualTo(LiabilityCsv.HEADER);
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("2031-06,HOTEL,"));
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("2031-06,RETAIL,"));
    }

    @Test
    void aMissingOrMalformedPeriodIsA400AndAMemberTokenIsRefused() {
        for (String query : List.of(
                "period=2031-13",
                "period=2031-6",
                "period=june",
                "",
                "period=",
                "period=%00",
                "period=" + "9".repeat(300),
                "period=0000-00",
                "period=2031-06&bu=" + "X".repeat(40))) {
            Api.Reply reply = api.get("/api/v1/admin/points/liability?" + query, TestTokens.admin());
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.json().path("code").asString()).as(query).isIn("VALIDATION_FAILED", "BAD_REQUEST");
        }
        Api.Reply csvOfBadPeriod = api.getCsv("/api/v1/admin/points/liability?period=2031-13", TestTokens.admin());
        assertThat(csvOfBadPeriod.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/admin/points/liability?period=2031-06", TestTokens.member(Api.newMember()))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/admin/points/liability?period=2031-06", null)
                        .status())
                .isEqualTo(401);
    }

    private JsonNode report(String period, String token) {
        Api.Reply reply = api.get("/api/v1/admin/points/liability?period=" + period, token);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.json();
    }
}
