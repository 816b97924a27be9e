package io.unimember.tier.reads;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.OrderCompleted;
import io.unimember.testsupport.TestHttp;
import io.unimember.testsupport.TestTokens;
import io.unimember.tier.TierIntegrationTest;
import io.unimember.tier.membership.Memberships;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/v1/tiers} for any token and {@code GET /api/v1/tiers/me} for the member themself. */
@TierIntegrationTest
class TierReadsTests {

    @LocalServerPort
    int port;

    @Autowired
    Memberships memberships;

    @Autowired
    JsonMapper mapper;

    @Test
    void anyTokenReadsTheTierTableLowestFirst() {
        for (String token : List.of(
                TestTokens.bu("HOTEL"), TestTokens.member("m-1"), TestTokens.merchant("merchant-demo", "HOTEL"))) {
            var response = get("/api/v1/tiers", token);
            assertThat(response.getStatusCode().value()).isEqualTo(200);
            JsonNode items = mapper.readTree(response.getBody()).get("items");
            assertThat(StreamSupport.stream(items.spliterator(), false)
                            .map(t -> t.get("code").asString())
                            .toList())
                    .containsExactly("REGULAR", "SILVER", "GOLD", "PLATINUM", "DIAMOND", "BLACK_DIAMOND");
            JsonNode gold = items.get(2);
            assertThat(gold.get("name").asString()).isEqualTo("黄金");
            assertThat(gold.get("growthThreshold").asLong()).isEqualTo(2000);
            assertThat(gold.get("pointsMultiplier").asString()).isEqualTo("1.2");
            assertThat(gold.get("monthlyCoupons").asInt()).isEqualTo(5);
        }
        assertThat(get("/api/v1/tiers", null).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aMemberReadsTheirTierGrowthWayToTheNextAndHistoryNewestFirst() {
        String member = "m-" + UUID.randomUUID();
        memberships.applyOrder(order(member, 120_000));
        memberships.applyOrder(order(member, 100_000));

        var response = get("/api/v1/tiers/me", TestTokens.member(member));
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode me = mapper.readTree(response.getBody());
        assertThat(me.get("tier").asString()).isEqualTo("GOLD");
        assertThat(me.get("name").asString()).isEqualTo("黄金");
        assertThat(me.get("growth").asLong()).isEqualTo(2200);
        assertThat(me.get("nextTier").asString()).isEqualTo("PLATINUM");
        assertThat(me.get("growthToNext").asLong()).isEqualTo(5800);
        assertThat(Instant.parse(me.get("retainedUntil").asString()))
                .isAfter(Instant.now().plusSeconds(89L * 86400));
        assertThat(me.get("pointsMultiplier").asString()).isEqualTo("1.2");
        JsonNode history = me.get("history");
        assertThat(history).hasSize(3);
        assertThat(history.get(0).get("from").asString()).isEqualTo("SILVER");
        assertThat(history.get(0).get("to").asString()).isEqualTo("GOLD");
        assertThat(history.get(0).get("reason").asString()).isEqualTo("UPGRADE");
        assertThat(history.get(0).get("growth").asLong()).isEqualTo(2200);
        assertThat(history.get(1).get("reason").asString()).isEqualTo("FIRST_ORDER");
        assertThat(history.get(2).get("reason").asString()).isEqualTo("REGISTERED");
        assertThat(history.get(2).get("from").isNull()).isTrue();
    }

    @Test
    void aMemberTierServiceHasNotHeardOfIsRegularWithNoGrowth() {
        var response = get("/api/v1/tiers/me", TestTokens.member("m-" + UUID.randomUUID()));
        JsonNode me = mapper.readTree(response.getBody());
        assertThat(me.get("tier").asString()).isEqualTo("REGULAR");
        assertThat(me.get("growth").asLong()).isZero();
        assertThat(me.get("nextTier").asString()).isEqualTo("SILVER");
        assertThat(me.get("growthToNext").asLong()).isEqualTo(1);
        assertThat(me.get("retainedUntil").isNull()).isTrue();
        assertThat(me.get("history")).isEmpty();
    }

    @Test
    void onlyAMemberTokenHasAMe() {
        assertThat(get("/api/v1/tiers/me", TestTokens.bu("HOTEL"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(get("/api/v1/tiers/me", TestTokens.admin()).getStatusCode().value())
                .isEqualTo(403);
        assertThat(get("/api/v1/tiers/me", null).getStatusCode().value()).isEqualTo(401);
        var spoofed = TestTokens.builder().subject("x").scope("member").build(); // a member scope but no member_id
        assertThat(get("/api/v1/tiers/me", spoofed).getStatusCode().value()).isEqualTo(403);
    }

    private org.springframework.http.ResponseEntity<String> get(String path, String token) {
        return TestHttp.toPort(port).get(path, token);
    }

    private static OrderCompleted order(String member, long amountFen) {
        return new OrderCompleted(
                member, "ENTERTAINMENT", "o-" + UUID.randomUUID(), amountFen, null, Instant.now(), amountFen / 100);
    }
}
