package io.unimember.points.balance;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.points.Api;
import io.unimember.points.PointsIntegrationTest;
import io.unimember.testsupport.TestTokens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@PointsIntegrationTest
class PointsReadTests {

    @Autowired
    Api api;

    @Test
    void aNewMemberHasNothingYet() {
        Api.Reply me = api.me(Api.newMember());

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.number("available")).isZero();
        assertThat(me.number("frozen")).isZero();
        assertThat(me.number("lifetimeEarned")).isZero();
        assertThat(me.json().path("expiring").isEmpty()).isTrue();
        assertThat(me.text("earningMultiplier"))
                .as("no tier event yet: the regular rate")
                .isEqualTo("1");
    }

    @Test
    void theBalanceShowsAvailableFrozenLifetimeAndWhatExpiresNext() {
        String member = Api.newMember();
        api.order("DINE_IN", member, Api.newId("o"), 50_000);
        api.hold("RETAIL", member, Api.newId("h"), 120);

        Api.Reply me = api.me(member);

        assertThat(me.text("memberId")).isEqualTo(member);
        assertThat(me.number("available")).isEqualTo(380);
        assertThat(me.number("frozen")).isEqualTo(120);
        assertThat(me.number("lifetimeEarned")).isEqualTo(500);
        assertThat(me.number("redeemableFen")).isEqualTo(380);
        assertThat(me.json().path("expiring").get(0).path("points").asLong()).isEqualTo(380);
        assertThat(me.number("version")).isEqualTo(2);
    }

    @Test
    void historyPagesThroughEveryChangeNewestFirst() {
        String member = Api.newMember();
        for (int i = 1; i <= 5; i++) {
            api.order("DINE_IN", member, "o-" + i + "-" + member, i * 100L);
        }
        String holdId = Api.newId("h");
        api.hold("RETAIL", member, holdId, 3);

        List<JsonNode> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Reply page = api.get(
                    "/api/v1/points/me/transactions?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    TestTokens.member(member));
            assertThat(page.status()).isEqualTo(200);
            page.json().path("items").forEach(seen::add);
            cursor = page.json().path("nextCursor").isNull()
                    ? null
                    : page.json().path("nextCursor").asString();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(6);
        assertThat(seen.getFirst().path("type").asString()).isEqualTo("HOLD");
        assertThat(seen.getFirst().path("reference").asString()).isEqualTo(holdId);
        assertThat(seen.getFirst().path("availableChange").asLong()).isEqualTo(-3);
        assertThat(seen.getFirst().path("frozenChange").asLong()).isEqualTo(3);
        assertThat(seen.subList(1, 6))
                .extracting(n -> n.path("points").asLong())
                .containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(seen.get(1).path("bu").asString()).isEqualTo("DINE_IN");
    }

    @Test
    void aMemberSeesOnlyTheirOwnPointsAndOnlyWithAMemberToken() {
        String member = Api.newMember();
        api.order("DINE_IN", member, Api.newId("o"), 10_000);

        assertThat(api.me(Api.newMember()).number("available")).isZero();
        assertThat(api.get("/api/v1/points/me", TestTokens.bu("DINE_IN")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/points/me", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/points/me/transactions", TestTokens.admin()).status())
                .isEqualTo(403);
    }

    @Test
    void badPagingParametersAre400() {
        String token = TestTokens.member(Api.newMember());

        assertThat(api.get("/api/v1/points/me/transactions?limit=0", token).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/points/me/transactions?limit=101", token).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/points/me/transactions?limit=abc", token).status())
                .isEqualTo(400);
        Api.Reply forged = api.get("/api/v1/points/me/transactions?cursor=forged", token);
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.code()).isEqualTo("INVALID_CURSOR");
    }

    @Test
    void operatorsCanAuditTheLedger() {
        Api.Reply audit = api.get("/api/v1/admin/points/ledger/audit", TestTokens.admin());

        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.json().path("balanced").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/admin/points/ledger/audit", TestTokens.bu("DINE_IN"))
                        .status())
                .isEqualTo(403);
    }
}
