package io.unimember.settlement.journal;

import static io.unimember.settlement.support.TestMonths.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.CouponIssued;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.SpentLot;
import io.unimember.common.events.Topics;
import io.unimember.settlement.periods.PeriodKey;
import io.unimember.settlement.support.Consumption;
import io.unimember.settlement.support.Fixture;
import io.unimember.settlement.support.SettlementIntegrationTest;
import io.unimember.settlement.support.TestMonths;
import io.unimember.testsupport.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

@SettlementIntegrationTest
class JournalTests {

    @Autowired
    Fixture fixture;

    @Test
    void aCouponRedemptionDeliveredTwiceIsPostedOnce() {
        PeriodKey month = TestMonths.past();
        EventEnvelope redeemed = fixture.coupon("PLATFORM", "HOTEL", 1_500, at(month, 10, 12));
        String json = fixture.json(redeemed);

        TestKafka.send(Topics.COUPON, redeemed.memberId(), json);
        TestKafka.send(Topics.COUPON, redeemed.memberId(), json);
        Consumption.awaitAllConsumed();

        assertThat(fixture.postingsOf(redeemed)).isEqualTo(1);
        assertThat(lines(redeemed))
                .containsExactlyInAnyOrder(
                        new Posting.Line("PLATFORM", "HOTEL", Account.PAYABLE, -1_500),
                        new Posting.Line("HOTEL", "PLATFORM", Account.RECEIVABLE, 1_500));
        assertThat(fixture.jdbc()
                        .sql("SELECT COUNT(*) FROM processed_event WHERE event_id = ? AND consumer IN (?, ?)")
                        .params(
                                redeemed.eventId().toString(),
                                JournalListener.CONSUMER,
                                "settlement-service.reconciliation")
                        .query(Long.class)
                        .single())
                .as("applied once by the journal and once by the reconciliation tally")
                .isEqualTo(2);
        assertThat(fixture.jdbc()
                        .sql("SELECT COUNT(*) FROM redemption_report WHERE event_id = ?")
                        .param(redeemed.eventId().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void spentPointsChargeEachIssuingBuForItsLotsAtFaceValue() {
        PeriodKey month = TestMonths.past();
        EventEnvelope redeemed = fixture.points(
                "DINE_IN",
                at(month, 3, 9),
                new SpentLot("HOTEL", 300),
                new SpentLot("RETAIL", 120),
                new SpentLot("HOTEL", 80),
                new SpentLot("DINE_IN", 50));

        fixture.send(redeemed);
        fixture.awaitPostedAndTallied(redeemed);

        assertThat(lines(redeemed))
                .containsExactlyInAnyOrder(
                        new Posting.Line("HOTEL", "DINE_IN", Account.PAYABLE, -380),
                        new Posting.Line("DINE_IN", "HOTEL", Account.RECEIVABLE, 380),
                        new Posting.Line("RETAIL", "DINE_IN", Account.PAYABLE, -120),
                        new Posting.Line("DINE_IN", "RETAIL", Account.RECEIVABLE, 120));
        assertThat(fixture.jdbc()
                        .sql(
                                """
                                SELECT owing_party, owed_party, face_fen, amount_fen FROM posting_item i
                                JOIN posting p ON p.id = i.posting_id WHERE p.event_id = ? ORDER BY owing_party""")
                        .param(redeemed.eventId().toString())
                        .query((rs, n) ->
                                rs.getString(1) + ">" + rs.getString(2) + ":" + rs.getLong(3) + "/" + rs.getLong(4))
                        .list())
                .as("the points DINE_IN issued itself are on record but settle nothing")
                .containsExactly("DINE_IN>DINE_IN:50/0", "HOTEL>DINE_IN:380/380", "RETAIL>DINE_IN:120/120");
    }

    @Test
    void aCouponFundedAndRedeemedByOneBuIsRecordedWithoutLines() {
        PeriodKey month = TestMonths.past();
        EventEnvelope redeemed = fixture.coupon("TRAVEL", "TRAVEL", 900, at(month, 5, 10));

        fixture.send(redeemed);
        fixture.awaitPostedAndTallied(redeemed);

        assertThat(lines(redeemed)).isEmpty();
    }

    @Test
    void aPostingRecordsWhenTheBenefitWasUsedAndThePeriodItIsBookedIn() {
        PeriodKey month = TestMonths.past();
        Instant lastMomentOfTheMonthInShanghai = month.end(TestMonths.SHANGHAI).minusMillis(1);
        EventEnvelope redeemed = fixture.coupon("HEALTH", "RETAIL", 100, lastMomentOfTheMonthInShanghai);

        fixture.send(redeemed);
        fixture.awaitPostedAndTallied(redeemed);

        assertThat(fixture.jdbc()
                        .sql("SELECT used_at, usage_period, posting_period FROM posting WHERE event_id = ?")
                        .param(redeemed.eventId().toString())
                        .query((rs, n) ->
                                List.of(rs.getTimestamp(1).toInstant().toString(), rs.getString(2), rs.getString(3)))
                        .single())
                .containsExactly(lastMomentOfTheMonthInShanghai.toString(), month.toString(), month.toString());
    }

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void anEventNamingAnUnknownBuGoesToTheDeadLetterTopicAndIsNotPosted() {
        // the dead letter's offset is committed as it is sent; a commit refused while the group is still being
        // formed (RebalanceInProgressException) would leave it to the partition's next batch, so start once settled
        awaitAssigned();
        PeriodKey month = TestMonths.past();
        EventEnvelope redeemed = fixture.coupon("MARS_BASE", "HOTEL", 700, at(month, 7, 8));

        fixture.send(redeemed);

        assertThat(TestKafka.records(
                        Topics.deadLetter(Topics.COUPON),
                        v -> v.contains(redeemed.eventId().toString()),
                        1,
                        Duration.ofSeconds(30)))
                .isNotEmpty();
        fixture.awaitTallied(List.of(redeemed));
        Consumption.awaitAllConsumed();
        assertThat(fixture.postingsOf(redeemed)).isZero();
    }

    private void awaitAssigned() {
        await().atMost(Duration.ofSeconds(60)).until(() -> listeners.getListenerContainers().stream()
                .allMatch(c -> c.isRunning()
                        && c.getAssignedPartitions() != null
                        && c.getAssignedPartitions().size() == partitionsOf(c)));
    }

    private int partitionsOf(MessageListenerContainer container) {
        String[] topics = container.getContainerProperties().getTopics();
        return (topics == null ? 0 : topics.length) * partitions;
    }

    @Value("${unimember.kafka.partitions:6}")
    int partitions;

    @Test
    void otherCouponEventsAreIgnored() {
        PeriodKey month = TestMonths.past();
        EventEnvelope issued = fixture.wrap(
                new CouponIssued(
                        "m-x",
                        "c-x",
                        "t-1",
                        "15元神券",
                        "FIXED",
                        1_500,
                        null,
                        null,
                        0,
                        List.of("ALL"),
                        "PLATFORM",
                        "ALLOTMENT",
                        at(month, 1, 1),
                        at(month, 2, 1)),
                "coupon-service",
                at(month, 1, 1));

        fixture.send(issued);
        Consumption.awaitAllConsumed();

        assertThat(fixture.postingsOf(issued)).isZero();
        // consumed, so done with: a dead letter for it would have been written before that
        assertThat(TestKafka.recordsUpToNow(
                        Topics.deadLetter(Topics.COUPON),
                        v -> v.contains(issued.eventId().toString())))
                .isEmpty();
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
