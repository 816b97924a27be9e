package io.unimember.settlement.journal;

import static io.unimember.settlement.support.TestMonths.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.CouponRedeemed;
import io.unimember.common.events.CouponReturned;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.PointsBalance;
import io.unimember.common.events.PointsRedeemed;
import io.unimember.common.events.PointsRefunded;
import io.unimember.common.events.RefundedLot;
import io.unimember.common.events.RewardKept;
import io.unimember.common.events.SpentLot;
import io.unimember.settlement.periods.PeriodKey;
import io.unimember.settlement.support.Fixture;
import io.unimember.settlement.support.SettlementIntegrationTest;
import io.unimember.settlement.support.TestMonths;
import io.unimember.testsupport.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Refunds reverse what settlement posted (decision 0038): one reversing posting per refund event. */
@SettlementIntegrationTest
class ReversalTests {

    @Autowired
    Fixture fixture;

    @Test
    void aReturnedCouponReversesItsRedemptionOnceAtTheSamePrice() {
        PeriodKey month = TestMonths.past();
        String member = "m-" + UUID.randomUUID();
        String coupon = "c-" + UUID.randomUUID();
        EventEnvelope redeemed = couponRedeemed(member, coupon, at(month, 10, 12));
        fixture.send(redeemed);
        fixture.awaitPosted(List.of(redeemed));
        EventEnvelope returned = couponReturned(member, coupon, at(month, 20, 9));

        fixture.send(returned, returned);
        fixture.awaitPosted(List.of(returned));

        assertThat(fixture.postingsOf(returned)).isEqualTo(1);
        assertThat(lines(returned))
                .containsExactlyInAnyOrder(
                        new Posting.Line("HOTEL", "DINE_IN", Account.PAYABLE, 1_500),
                        new Posting.Line("DINE_IN", "HOTEL", Account.RECEIVABLE, -1_500));
        assertThat(fixture.jdbc()
                        .sql(
                                """
                                SELECT r.usage_period, r.posting_period, r.reverses_posting_id = o.id
                                  FROM posting r JOIN posting o ON o.event_id = ? WHERE r.event_id = ?""")
                        .params(
                                redeemed.eventId().toString(),
                                returned.eventId().toString())
                        .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                        .single())
                .containsExactly(month.toString(), month.toString(), "1");
    }

    @Test
    void aReturnAfterItsPeriodClosedIsBookedInTheNextOpenPeriodReferringToTheOriginal() {
        PeriodKey month = TestMonths.past();
        String member = "m-" + UUID.randomUUID();
        String coupon = "c-" + UUID.randomUUID();
        EventEnvelope redeemed = couponRedeemed(member, coupon, at(month, 10, 12));
        fixture.send(redeemed);
        fixture.awaitPostedAndTallied(redeemed);
        assertThat(fixture.post("/api/v1/admin/settlement/periods/" + month + "/close", TestTokens.admin())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        long closedLines = linesBookedIn(month);

        EventEnvelope returned = couponReturned(member, coupon, at(month, 28, 9));
        fixture.send(returned);
        fixture.awaitPosted(List.of(returned));

        assertThat(linesBookedIn(month)).as("a closed period never changes").isEqualTo(closedLines);
        assertThat(fixture.jdbc()
                        .sql("SELECT usage_period, posting_period FROM posting WHERE event_id = ?")
                        .param(returned.eventId().toString())
                        .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
                        .single())
                .containsExactly(month.toString(), month.next().toString());
        // the next month's statement shows it as its own line, referring to the month the coupon was used in
        var next = fixture.tree(fixture.get(
                                "/api/v1/settlement/periods/" + month.next() + "/statements", TestTokens.bu("HOTEL"))
                        .getBody())
                .path("statements")
                .path(0);
        var line = lineOf(next, returned);
        assertThat(line.path("reversal").asBoolean()).isTrue();
        assertThat(line.path("eventType").asString()).isEqualTo("coupon.returned");
        assertThat(line.path("usagePeriod").asString()).isEqualTo(month.toString());
        assertThat(line.path("counterparty").asString()).isEqualTo("DINE_IN");
        assertThat(line.path("amountFen").asLong())
                .as("HOTEL owes DINE_IN 1,500 less")
                .isEqualTo(1_500);
        assertThat(line.path("faceFen").asLong()).isEqualTo(-1_500);
        var closed = fixture.tree(
                        fixture.get("/api/v1/settlement/periods/" + month + "/statements", TestTokens.bu("HOTEL"))
                                .getBody())
                .path("statements")
                .path(0);
        assertThat(lineOf(closed, redeemed).path("reversal").asBoolean()).isFalse();
        assertThat(closed.toString()).doesNotContain(returned.eventId().toString());
        String csv = fixture.get(
                        "/api/v1/settlement/periods/" + month.next() + "/statements",
                        TestTokens.bu("HOTEL"),
                        "text/csv")
                .getBody();
        assertThat(csv.lines().filter(r -> r.contains(returned.eventId().toString())))
                .singleElement()
                .satisfies(r -> assertThat(r).contains("," + month + ",").endsWith(",coupon.returned,true"));
    }

    private static tools.jackson.databind.JsonNode lineOf(
            tools.jackson.databind.JsonNode statement, EventEnvelope event) {
        for (var line : statement.path("lines")) {
            if (event.eventId().toString().equals(line.path("eventId").asString())) {
                return line;
            }
        }
        throw new AssertionError("no line of " + event.eventId() + " in " + statement);
    }

    @Test
    void partialPointsRefundsReverseTheirShareAndTogetherExactlyWhatWasPosted() {
        PeriodKey month = TestMonths.past();
        String member = "m-" + UUID.randomUUID();
        String order = "o-" + UUID.randomUUID();
        EventEnvelope redeemed = fixture.wrap(
                new PointsRedeemed(
                        member,
                        "h-" + UUID.randomUUID(),
                        "tr-" + UUID.randomUUID(),
                        "DINE_IN",
                        order,
                        1_001,
                        List.of(new SpentLot("HOTEL", 701), new SpentLot("DINE_IN", 300)),
                        at(month, 3, 9),
                        new PointsBalance(0, 0, 0, 2, List.of())),
                "points-service",
                at(month, 3, 9));
        fixture.send(redeemed);
        fixture.awaitPosted(List.of(redeemed));
        long posted = itemAmount(redeemed, "HOTEL");

        EventEnvelope first = pointsRefunded(member, order, at(month, 4, 9), 350, 150);
        EventEnvelope second = pointsRefunded(member, order, at(month, 5, 9), 351, 150);
        fixture.send(first, second);
        fixture.awaitPosted(List.of(first, second));

        assertThat(itemAmount(first, "HOTEL") + itemAmount(second, "HOTEL")).isEqualTo(-posted);
        assertThat(itemFace(first, "HOTEL") + itemFace(second, "HOTEL")).isEqualTo(-701);
        assertThat(lines(first).stream().map(Posting.Line::party).distinct())
                .as("the points DINE_IN issued itself settle nothing, so their reversal neither")
                .containsExactlyInAnyOrder("HOTEL", "DINE_IN");
        assertThat(lines(first)).hasSize(2);
    }

    @Test
    void reconciliationMatchesEveryReversalOneToOneWithZeroDifferences() {
        PeriodKey month = TestMonths.past();
        String member = "m-" + UUID.randomUUID();
        String coupon = "c-" + UUID.randomUUID();
        String order = "o-" + UUID.randomUUID();
        EventEnvelope couponUsed = couponRedeemed(member, coupon, at(month, 2, 12));
        EventEnvelope pointsUsed = fixture.wrap(
                new PointsRedeemed(
                        member,
                        "h-" + UUID.randomUUID(),
                        "tr-" + UUID.randomUUID(),
                        "DINE_IN",
                        order,
                        800,
                        List.of(new SpentLot("HOTEL", 500), new SpentLot("DINE_IN", 300)),
                        at(month, 2, 12),
                        new PointsBalance(0, 0, 0, 2, List.of())),
                "points-service",
                at(month, 2, 12));
        fixture.send(couponUsed, pointsUsed);
        fixture.awaitPostedAndTallied(couponUsed, pointsUsed);
        // the coupon comes back the same month, the points partly then and partly the month after
        EventEnvelope couponBack = couponReturned(member, coupon, at(month, 9, 12));
        EventEnvelope partly = pointsRefunded(member, order, at(month, 9, 12), 200, 100);
        EventEnvelope rest = pointsRefunded(member, order, at(month.next(), 3, 12), 300, 200);

        EventEnvelope kept = fixture.wrap(
                new RewardKept(
                        member,
                        "c-" + UUID.randomUUID(),
                        "tpl-first-dine-in-15",
                        "DINE_IN",
                        "DINE_IN",
                        order,
                        "r-1",
                        at(month, 9, 12)),
                "coupon-service",
                at(month, 9, 12));

        fixture.send(couponBack, partly, rest, kept);
        fixture.awaitPostedAndTallied(couponBack, partly, rest);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(() -> fixture.jdbc()
                                .sql("SELECT COUNT(*) FROM reconciliation_case WHERE event_id = ?")
                                .param(kept.eventId().toString())
                                .query(Long.class)
                                .single()
                        == 1);

        var view = fixture.tree(
                fixture.get("/api/v1/admin/settlement/periods/" + month + "/reconciliation", TestTokens.admin())
                        .getBody());
        assertThat(view.path("differences").toString()).isEqualTo("[]");
        assertThat(view.path("journal").path("count").asLong())
                .as("two redemptions of the pairs, four reversals")
                .isEqualTo(view.path("reported").path("count").asLong());
        assertThat(view.path("journal").path("faceFen").asLong()).isZero();
        assertThat(view.path("reported").path("faceFen").asLong()).isZero();
        assertThat(view.path("cases")).hasSize(1);
        assertThat(view.path("cases").get(0).path("kind").asString()).isEqualTo("REWARD_USED_BEFORE_REFUND");
        assertThat(view.path("cases").get(0).path("orderRef").asString()).isEqualTo(order);
    }

    private EventEnvelope couponRedeemed(String member, String coupon, Instant at) {
        return fixture.wrap(
                new CouponRedeemed(member, coupon, "t-1", "HOTEL", "DINE_IN", 1_500, "o-1", at), "coupon-service", at);
    }

    private EventEnvelope couponReturned(String member, String coupon, Instant at) {
        return fixture.wrap(
                new CouponReturned(
                        member, coupon, "t-1", "HOTEL", "DINE_IN", 1_500, "o-1", "r-" + UUID.randomUUID(), true, at),
                "coupon-service",
                at);
    }

    private EventEnvelope pointsRefunded(String member, String order, Instant at, long hotel, long dineIn) {
        return fixture.wrap(
                new PointsRefunded(
                        member,
                        "tr-" + UUID.randomUUID(),
                        "DINE_IN",
                        order,
                        "r-" + UUID.randomUUID(),
                        hotel + dineIn,
                        List.of(
                                new RefundedLot("HOTEL", at.plusSeconds(86_400 * 300L), hotel, false),
                                new RefundedLot("DINE_IN", at.plusSeconds(86_400 * 300L), dineIn, false)),
                        new PointsBalance(0, 0, 0, 3, List.of())),
                "points-service",
                at);
    }

    private long itemAmount(EventEnvelope event, String owing) {
        return item(event, owing, "amount_fen");
    }

    private long itemFace(EventEnvelope event, String owing) {
        return item(event, owing, "face_fen");
    }

    private long item(EventEnvelope event, String owing, String column) {
        return fixture.jdbc()
                .sql("SELECT i." + column + " FROM posting_item i JOIN posting p ON p.id = i.posting_id"
                        + " WHERE p.event_id = ? AND i.owing_party = ?")
                .params(event.eventId().toString(), owing)
                .query(Long.class)
                .single();
    }

    private long linesBookedIn(PeriodKey month) {
        return fixture.jdbc()
                .sql("SELECT COUNT(*) FROM journal_line WHERE posting_period = ?")
                .param(month.toString())
                .query(Long.class)
                .single();
    }

    private List<Posting.Line> lines(EventEnvelope event) {
        return fixture.jdbc()
                .sql(
                        """
                        SELECT l.party, l.counterparty, l.account, l.amount_fen FROM journal_line l
                        JOIN posting p ON p.id = l.posting_id WHERE p.event_id = ?""")
                .param(event.eventId().toString())
                .query((rs, n) -> new Posting.Line(
                        rs.getString(1), rs.getString(2), Account.valueOf(rs.getString(3)), rs.getLong(4)))
                .list();
    }
}
