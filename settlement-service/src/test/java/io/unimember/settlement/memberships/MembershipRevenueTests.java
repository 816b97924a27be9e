package io.unimember.settlement.memberships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.MembershipActivated;
import io.unimember.common.events.MembershipRefunded;
import io.unimember.common.events.MembershipTerms;
import io.unimember.common.events.MembershipTerms.RevenueShare;
import io.unimember.settlement.periods.PeriodKey;
import io.unimember.settlement.support.Fixture;
import io.unimember.settlement.support.SettlementIntegrationTest;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Membership revenue: the paying BU owes each sharing BU its share; a refund takes the refunded shares back. */
@SettlementIntegrationTest
class MembershipRevenueTests {

    record Line(String party, String counterparty, String account, long amountFen) {}

    @Autowired
    Fixture fixture;

    @Test
    void aPaidPeriodIsOwedByThePayingBuToEachShareAndARefundReversesItOnce() {
        String member = "m-" + UUID.randomUUID();
        Instant now = Instant.now();
        var terms = new MembershipTerms(
                "SUPER",
                "神会员",
                "p-" + member,
                "pay-" + member,
                "FOOD_DELIVERY",
                1800,
                now,
                now.plus(Duration.ofDays(30)),
                15000,
                List.of(),
                List.of(),
                List.of(
                        new RevenueShare("FOOD_DELIVERY", 900),
                        new RevenueShare("ENTERTAINMENT", 540),
                        new RevenueShare("PLATFORM", 360)));
        EventEnvelope paid = fixture.wrap(new MembershipActivated(member, terms, 1), "tier-service", now);
        EventEnvelope refunded = fixture.wrap(
                new MembershipRefunded(
                        member,
                        "SUPER",
                        "p-" + member,
                        "r-" + member,
                        "FOOD_DELIVERY",
                        1000,
                        List.of(
                                new RevenueShare("FOOD_DELIVERY", 500),
                                new RevenueShare("ENTERTAINMENT", 300),
                                new RevenueShare("PLATFORM", 200)),
                        now.plusSeconds(60),
                        2,
                        now),
                "tier-service",
                now.plusSeconds(60));

        fixture.send(paid, paid, refunded, refunded);
        fixture.awaitPosted(List.of(paid, refunded));

        assertThat(fixture.postingsOf(paid)).isEqualTo(1);
        assertThat(fixture.postingsOf(refunded)).isEqualTo(1);
        assertThat(lines(paid))
                .containsExactlyInAnyOrder(
                        new Line("FOOD_DELIVERY", "ENTERTAINMENT", "PAYABLE", -540),
                        new Line("ENTERTAINMENT", "FOOD_DELIVERY", "RECEIVABLE", 540),
                        new Line("FOOD_DELIVERY", "PLATFORM", "PAYABLE", -360),
                        new Line("PLATFORM", "FOOD_DELIVERY", "RECEIVABLE", 360));
        assertThat(lines(refunded))
                .containsExactlyInAnyOrder(
                        new Line("FOOD_DELIVERY", "ENTERTAINMENT", "PAYABLE", 300),
                        new Line("ENTERTAINMENT", "FOOD_DELIVERY", "RECEIVABLE", -300),
                        new Line("FOOD_DELIVERY", "PLATFORM", "PAYABLE", 200),
                        new Line("PLATFORM", "FOOD_DELIVERY", "RECEIVABLE", -200));
        await().atMost(Duration.ofSeconds(10)).until(() -> owedTo("ENTERTAINMENT", member) == 240);
        assertThat(owedTo("PLATFORM", member)).isEqualTo(160);
        assertThat(fixture.jdbc()
                        .sql(
                                """
                            SELECT COALESCE(SUM(l.amount_fen), 0) FROM journal_line l
                            JOIN posting p ON p.id = l.posting_id WHERE p.member_id = ?""")
                        .param(member)
                        .query(Long.class)
                        .single())
                .isZero();
        // sold, not redeemed: reconciliation, which compares redemptions with what services reported, leaves it out
        String month = PeriodKey.containing(now, ZoneId.of("Asia/Shanghai")).toString();
        JsonNode reconciliation = fixture.tree(
                fixture.get("/api/v1/admin/settlement/periods/" + month + "/reconciliation", TestTokens.admin())
                        .getBody());
        assertThat(reconciliation.get("pairs").toString()).doesNotContain("MEMBERSHIP");
        String statement = fixture.get(
                        "/api/v1/settlement/periods/" + month + "/statements", TestTokens.bu("ENTERTAINMENT"))
                .getBody();
        JsonNode lines = fixture.tree(statement).get("statements").get(0).get("lines");
        assertThat(lines.valueStream()
                        .filter(l -> l.get("sourceRef").asString().equals("p-" + member))
                        .map(l -> l.get("benefitType").asString() + " "
                                + l.get("amountFen").asLong())
                        .toList())
                .containsExactlyInAnyOrder("MEMBERSHIP 540", "MEMBERSHIP -300");
    }

    private long owedTo(String party, String member) {
        return fixture.jdbc()
                .sql(
                        """
                        SELECT COALESCE(SUM(l.amount_fen), 0) FROM journal_line l
                        JOIN posting p ON p.id = l.posting_id
                        WHERE p.member_id = ? AND l.party = ? AND l.account = 'RECEIVABLE'""")
                .params(member, party)
                .query(Long.class)
                .single();
    }

    private List<Line> lines(EventEnvelope event) {
        return fixture.jdbc()
                .sql(
                        """
                        SELECT l.party, l.counterparty, l.account, l.amount_fen FROM journal_line l
                        JOIN posting p ON p.id = l.posting_id WHERE p.event_id = ?""")
                .param(event.eventId().toString())
                .query((rs, n) -> new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }
}
