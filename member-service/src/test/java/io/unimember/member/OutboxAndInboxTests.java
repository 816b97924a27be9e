package io.unimember.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.TierChanged;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.testsupport.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 2's proof for member-service: a business change publishes its event through the outbox, and an event
 * this service consumes is applied once even when delivered twice.
 */
class OutboxAndInboxTests extends MemberIntegrationTest {

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    EventCodec codec;

    @Test
    void aFirstLoginPublishesMemberRegisteredThroughTheOutbox() {
        Map<String, Object> login = api.login(TestApi.newPhone());
        String memberId = (String) login.get("member_id");

        var published = TestKafka.records(Topics.MEMBER, v -> v.contains(memberId), 1, Duration.ofSeconds(30));

        assertThat(published).hasSize(1);
        assertThat(published.getFirst().key()).isEqualTo(memberId);
        EventEnvelope envelope = codec.parse(published.getFirst().value());
        assertThat(envelope.type()).isEqualTo("member.registered");
        assertThat(envelope.source()).isEqualTo("member-service");
        assertThat(envelope.data().get("memberId").asString()).isEqualTo(memberId);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ?")
                                .param("%" + memberId + "%")
                                .query(Integer.class)
                                .single()
                        == 0);
    }

    @Test
    void aTierChangedDeliveredTwiceIsAppliedOnce() {
        String memberId = api.newMember().id();
        EventEnvelope envelope = EventEnvelope.wrap(
                new TierChanged(
                        memberId, "REGULAR", "SILVER", "FIRST_ORDER", 10, "白银", "GOLD", 1990, "1.0", 2, null, 1),
                "tier-service",
                Instant.now(),
                json);
        String wire = codec.toJson(envelope);

        TestKafka.send(Topics.TIER, memberId, wire);
        TestKafka.send(Topics.TIER, memberId, wire);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE event_id = ?")
                                .param(envelope.eventId().toString())
                                .query(Integer.class)
                                .single()
                        == 1);
        // the partition is in order: once a later event is applied, both copies were consumed
        EventEnvelope later = EventEnvelope.wrap(
                new TierChanged(memberId, "SILVER", "GOLD", "GROWTH", 2000, "黄金", "PLATINUM", 6000, "1.2", 5, null, 2),
                "tier-service",
                Instant.now(),
                json);
        TestKafka.send(Topics.TIER, memberId, codec.toJson(later));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT row_version FROM entitlement_view WHERE member_id = ?")
                                .param(memberId)
                                .query(Long.class)
                                .optional()
                                .orElse(0L)
                        == 2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE event_id = ?")
                        .param(envelope.eventId().toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }
}
