package io.unimember.points.holds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.CouponExchangeRequested;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.common.risk.FrozenMembers;
import io.unimember.points.Api;
import io.unimember.points.LedgerQueries;
import io.unimember.points.PointsIntegrationTest;
import io.unimember.testsupport.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A frozen member (design §14) spends nothing: no hold at checkout, none for an exchange; a hold made before does. */
@PointsIntegrationTest
class FrozenMemberHoldsTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FrozenMembers frozenMembers;

    @Autowired
    EventCodec codec;

    @Autowired
    JsonMapper json;

    private final List<String> frozen = new ArrayList<>();

    @AfterEach
    void unfreeze() {
        frozenMembers.remove(frozen);
        frozen.clear();
    }

    @Test
    void aFrozenMemberHoldsNoPointsAndNothingChanges() {
        String member = Api.newMember();
        api.order("DINE_IN", member, Api.newId("o"), 100_000); // 1,000 points
        long[] before = LedgerQueries.balanceRow(jdbc, member);
        freeze(member);
        String holdId = Api.newId("h");

        Api.Reply refused = api.hold("RETAIL", member, holdId, 300);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("MEMBER_FROZEN");
        assertThat(LedgerQueries.balanceRow(jdbc, member)).isEqualTo(before);
        assertThat(api.me(member).number("available")).isEqualTo(1_000);
        assertThat(api.me(member).number("frozen")).isZero();
        assertThat(LedgerQueries.count(jdbc, "SELECT COUNT(*) FROM points_hold WHERE hold_id = ?", holdId))
                .isZero();

        // the refusal stored nothing under the hold id: once unfrozen, the same hold goes through
        frozenMembers.remove(List.of(member));
        Api.Reply held = api.hold("RETAIL", member, holdId, 300);

        assertThat(held.status()).isEqualTo(201);
        assertThat(api.me(member).number("available")).isEqualTo(700);
    }

    @Test
    void aHoldMadeBeforeTheFreezeStillResolves() {
        String member = Api.newMember();
        api.order("DINE_IN", member, Api.newId("o"), 100_000);
        String holdId = Api.newId("h");
        api.hold("RETAIL", member, holdId, 300);
        freeze(member);

        Api.Reply cancelled = api.cancel("RETAIL", holdId);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(api.me(member).number("available")).isEqualTo(1_000);
        assertThat(api.me(member).number("frozen")).isZero();
    }

    @Test
    void aFrozenMembersExchangeIsRefusedWithoutAHold() {
        String member = Api.newMember();
        api.order("DINE_IN", member, Api.newId("o"), 100_000);
        freeze(member);
        var request = new CouponExchangeRequested(
                member, "x-" + UUID.randomUUID(), "x-" + UUID.randomUUID(), "tpl-x", "TRAVEL", 600, Instant.now());

        TestKafka.send(
                Topics.COUPON,
                member,
                codec.toJson(EventEnvelope.wrap(request, "coupon-service", Instant.now(), json)));

        await().atMost(WAIT).until(() -> !refusals(request.holdId()).isEmpty());
        List<JsonNode> refusals = refusals(request.holdId());
        assertThat(refusals).hasSize(1);
        assertThat(refusals.getFirst().path("reason").asString()).isEqualTo("MEMBER_FROZEN");
        assertThat(LedgerQueries.count(jdbc, "SELECT COUNT(*) FROM points_hold WHERE hold_id = ?", request.holdId()))
                .isZero();
        assertThat(api.me(member).number("available")).isEqualTo(1_000);
    }

    private void freeze(String member) {
        frozen.add(member);
        frozenMembers.add(List.of(member));
    }

    private List<JsonNode> refusals(String holdId) {
        return TestKafka.recordsUpToNow(
                        Topics.POINTS, v -> v.contains("\"type\":\"points.hold_refused\"") && v.contains(holdId))
                .stream()
                .map(r -> json.readTree(r.value()).path("data"))
                .toList();
    }
}
