package io.unimember.points.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.BuOrderReported;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.MemberRegistered;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.points.Api;
import io.unimember.points.LedgerQueries;
import io.unimember.points.PointsIntegrationTest;
import io.unimember.testsupport.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * An order or hold for a member id no one registered is refused with {@code 404 MEMBER_NOT_FOUND} and writes
 * nothing: no order, no balance, no ledger transfer, no idempotency record, no event. Once {@code member.registered}
 * arrives the same order is accepted, so a member registered a moment ago only has to be retried.
 */
@PointsIntegrationTest
class UnknownMemberTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventCodec codec;

    @Autowired
    JsonMapper json;

    @Test
    void anOrderForAnUnknownMemberIs404AndWritesNothing() {
        String member = Api.unknownMember();
        String orderId = Api.newId("o");

        Api.Reply reply = api.order("DINE_IN", member, orderId, 8_800);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("MEMBER_NOT_FOUND");
        assertThat(reply.text("traceId")).matches("[0-9a-f]{32}");
        assertNothingWrittenFor(member, orderId);
    }

    @Test
    void theSameOrderIsAcceptedOnceTheMemberIsRegistered() {
        String member = Api.unknownMember();
        String orderId = Api.newId("o");
        assertThat(api.order("DINE_IN", member, orderId, 8_800).status()).isEqualTo(404);

        EventEnvelope registered =
                EventEnvelope.wrap(new MemberRegistered(member, Instant.now()), "member-service", Instant.now(), json);
        TestKafka.send(Topics.MEMBER, member, codec.toJson(registered));
        TestKafka.send(Topics.MEMBER, member, codec.toJson(registered)); // delivered twice, applied once
        await().atMost(WAIT).until(() -> count("SELECT COUNT(*) FROM known_member WHERE member_id = ?", member) == 1);

        Api.Reply retried = api.order("DINE_IN", member, orderId, 8_800);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.number("pointsEarned")).isEqualTo(88);
        assertThat(api.me(member).number("available")).isEqualTo(88);
    }

    @Test
    void aHoldForAnUnknownMemberIs404AndWritesNothing() {
        String member = Api.unknownMember();
        String holdId = Api.newId("h");

        Api.Reply reply = api.hold("DINE_IN", member, holdId, 100);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("MEMBER_NOT_FOUND");
        assertThat(count("SELECT COUNT(*) FROM points_hold WHERE hold_id = ?", holdId))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?", holdId))
                .isZero();
    }

    @Test
    void anOrderOnKafkaForAnUnknownMemberGoesToTheDeadLetterTopicWithTheReason() {
        String member = Api.unknownMember();
        String orderId = Api.newId("o");
        var reported = new BuOrderReported(member, "RETAIL", orderId, 15_000, Instant.now(), null);

        TestKafka.send(
                Topics.BU_ORDERS, member, codec.toJson(EventEnvelope.wrap(reported, "test", Instant.now(), json)));

        var dead = TestKafka.records(Topics.deadLetter(Topics.BU_ORDERS), v -> v.contains(orderId), 1, WAIT);
        assertThat(dead).hasSize(1);
        StringBuilder reason = new StringBuilder();
        dead.getFirst().headers().forEach(h -> reason.append(new String(h.value(), StandardCharsets.UTF_8)));
        assertThat(reason).contains("MEMBER_NOT_FOUND");
        assertNothingWrittenFor(member, orderId);
    }

    private void assertNothingWrittenFor(String member, String orderId) {
        assertThat(count("SELECT COUNT(*) FROM bu_order WHERE order_id = ?", orderId))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM member_balance WHERE member_id = ?", member))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM ledger_transfer WHERE member_id = ?", member))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?", orderId))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ?", "%" + member + "%"))
                .isZero();
        assertThat(TestKafka.recordsUpToNow(Topics.ORDER, v -> v.contains(orderId)))
                .isEmpty();
        assertThat(TestKafka.recordsUpToNow(Topics.POINTS, v -> v.contains(member)))
                .isEmpty();
    }

    private long count(String sql, String param) {
        return LedgerQueries.count(jdbc, sql, param);
    }
}
