package io.unimember.tier.tiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.TierChanged;
import io.unimember.testsupport.TestHttp;
import io.unimember.testsupport.TestTokens;
import io.unimember.tier.TierIntegrationTest;
import io.unimember.tier.TierTestSupport;
import io.unimember.tier.TierTestSupport.Published;
import io.unimember.tier.jobs.RulesPropagationJob;
import io.unimember.tier.membership.Memberships;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code PUT /api/v1/admin/tiers/{code}}: admins only, validated, audited, and carried to every member. */
@TierIntegrationTest
class AdminTierRulesTests {

    private static final String DIAMOND =
            "{\"name\":\"钻石\",\"growthThreshold\":20000,\"pointsMultiplier\":\"1.5\",\"monthlyCoupons\":8}";
    private static final String BLACK_DIAMOND =
            "{\"name\":\"黑钻\",\"growthThreshold\":50000,\"pointsMultiplier\":\"2.0\",\"monthlyCoupons\":10}";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper mapper;

    @Autowired
    Memberships memberships;

    @Autowired
    RulesPropagationJob propagation;

    @Autowired
    TierTestSupport support;

    @AfterEach
    void restoreTheSeededRules() {
        assertThat(put("/api/v1/admin/tiers/DIAMOND", TestTokens.admin(), DIAMOND)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(put("/api/v1/admin/tiers/BLACK_DIAMOND", TestTokens.admin(), BLACK_DIAMOND)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    @Test
    void onlyAnAdminMayChangeRules() {
        int audits = audits();
        String body = DIAMOND.replace("\"1.5\"", "\"1.7\"");

        var member = put("/api/v1/admin/tiers/DIAMOND", TestTokens.member("m-" + UUID.randomUUID()), body);
        var bu = put("/api/v1/admin/tiers/DIAMOND", TestTokens.bu("DINE_IN"), body);
        var none = put("/api/v1/admin/tiers/DIAMOND", null, body);

        assertThat(member.getStatusCode().value()).isEqualTo(403);
        assertThat(member.getBody()).contains("\"code\":\"INSUFFICIENT_SCOPE\"");
        assertThat(bu.getStatusCode().value()).isEqualTo(403);
        assertThat(none.getStatusCode().value()).isEqualTo(401);
        assertThat(multiplierOf("DIAMOND")).isEqualTo("1.5");
        assertThat(audits()).isEqualTo(audits);
    }

    @Test
    void thresholdsMustStrictlyIncreaseWithRank() {
        int audits = audits();
        var equalToSilver = put("/api/v1/admin/tiers/GOLD", TestTokens.admin(), gold(1, "1.2", 5));
        var equalToPlatinum = put("/api/v1/admin/tiers/GOLD", TestTokens.admin(), gold(8000, "1.2", 5));
        var lowestAboveZero = put(
                "/api/v1/admin/tiers/REGULAR",
                TestTokens.admin(),
                "{\"name\":\"普通\",\"growthThreshold\":5,\"pointsMultiplier\":\"1.0\",\"monthlyCoupons\":2}");

        for (var response : List.of(equalToSilver, equalToPlatinum, lowestAboveZero)) {
            assertThat(response.getStatusCode().value()).isEqualTo(400);
            assertThat(response.getBody())
                    .contains("\"code\":\"TIER_THRESHOLDS_NOT_INCREASING\"", "\"field\":\"growthThreshold\"");
        }
        assertThat(equalToSilver.getBody()).contains("greater than SILVER");
        assertThat(equalToPlatinum.getBody()).contains("less than PLATINUM");
        assertThat(audits()).isEqualTo(audits);
    }

    @Test
    void absurdValuesAreRejectedNamingTheField() {
        int audits = audits();
        for (String multiplier : List.of("0", "0.00", "-1", "abc", "12.5", "1.234", "")) {
            var response = put("/api/v1/admin/tiers/GOLD", TestTokens.admin(), gold(2000, multiplier, 5));
            assertThat(response.getStatusCode().value()).as(multiplier).isEqualTo(400);
            assertThat(response.getBody()).contains("VALIDATION_FAILED", "\"field\":\"pointsMultiplier\"");
        }
        var negativeCoupons = put("/api/v1/admin/tiers/GOLD", TestTokens.admin(), gold(2000, "1.2", -1));
        var negativeThreshold = put("/api/v1/admin/tiers/GOLD", TestTokens.admin(), gold(-5, "1.2", 5));
        var noName = put(
                "/api/v1/admin/tiers/GOLD",
                TestTokens.admin(),
                "{\"growthThreshold\":2000,\"pointsMultiplier\":\"1.2\",\"monthlyCoupons\":5}");
        var longName = put(
                "/api/v1/admin/tiers/GOLD",
                TestTokens.admin(),
                gold(2000, "1.2", 5).replace("黄金", "金".repeat(33)));
        var malformed = put("/api/v1/admin/tiers/GOLD", TestTokens.admin(), "{\"name\":");
        var unknown = put("/api/v1/admin/tiers/MITHRIL", TestTokens.admin(), gold(2000, "1.2", 5));

        assertThat(negativeCoupons.getBody()).contains("\"field\":\"monthlyCoupons\"");
        assertThat(negativeThreshold.getBody()).contains("\"field\":\"growthThreshold\"");
        assertThat(noName.getBody()).contains("\"field\":\"name\"");
        assertThat(longName.getBody()).contains("\"field\":\"name\"");
        for (var response : List.of(negativeCoupons, negativeThreshold, noName, longName, malformed)) {
            assertThat(response.getStatusCode().value()).isEqualTo(400);
        }
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody()).contains("\"code\":\"TIER_NOT_FOUND\"");
        assertThat(audits()).isEqualTo(audits);
    }

    @Test
    void aChangeIsAuditedWithWhoWhenBeforeAndAfter() {
        var response = put(
                "/api/v1/admin/tiers/DIAMOND",
                TestTokens.admin(),
                "{\"name\":\"钻石\",\"growthThreshold\":21000,\"pointsMultiplier\":\"1.55\",\"monthlyCoupons\":9}");
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode body = mapper.readTree(response.getBody());
        assertThat(body.get("pointsMultiplier").asString()).isEqualTo("1.55");
        assertThat(body.get("growthThreshold").asLong()).isEqualTo(21000);

        var audit = get("/api/v1/admin/tiers/audit?limit=1", TestTokens.admin());
        JsonNode entry = mapper.readTree(audit.getBody()).get("items").get(0);
        assertThat(entry.get("tierCode").asString()).isEqualTo("DIAMOND");
        assertThat(entry.get("changedBy").asString()).isEqualTo("admin");
        assertThat(Instant.parse(entry.get("changedAt").asString()))
                .isAfter(Instant.now().minusSeconds(60));
        assertThat(entry.get("before").get("pointsMultiplier").asString()).isEqualTo("1.5");
        assertThat(entry.get("before").get("growthThreshold").asLong()).isEqualTo(20000);
        assertThat(entry.get("after").get("pointsMultiplier").asString()).isEqualTo("1.55");
        assertThat(entry.get("after").get("monthlyCoupons").asInt()).isEqualTo(9);
        assertThat(get("/api/v1/admin/tiers/audit", TestTokens.member("m-1"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);

        int audits = audits();
        var same = put(
                "/api/v1/admin/tiers/DIAMOND",
                TestTokens.admin(),
                "{\"name\":\"钻石\",\"growthThreshold\":21000,\"pointsMultiplier\":\"1.550\",\"monthlyCoupons\":9}");
        assertThat(same.getStatusCode().value()).isEqualTo(400); // three decimals are not a multiplier
        var unchanged = put(
                "/api/v1/admin/tiers/DIAMOND",
                TestTokens.admin(),
                "{\"name\":\"钻石\",\"growthThreshold\":21000,\"pointsMultiplier\":\"1.55\",\"monthlyCoupons\":9}");
        assertThat(unchanged.getStatusCode().value()).isEqualTo(200);
        assertThat(audits()).isEqualTo(audits);
    }

    @Test
    void newBenefitsReachEveryMemberOfTheTierAsTierChanged() {
        String member = member(2_500_000); // growth 25000: DIAMOND
        long before = support.version(member);

        var response = put("/api/v1/admin/tiers/DIAMOND", TestTokens.admin(), DIAMOND.replace("1.5", "1.6"));
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        propagation.run();

        List<Published> events = support.tierEvents(member, (int) before + 1);
        TierChanged changed = events.getLast().changed();
        assertThat(changed)
                .extracting(
                        TierChanged::from,
                        TierChanged::to,
                        TierChanged::reason,
                        TierChanged::pointsMultiplier,
                        TierChanged::growth)
                .containsExactly("DIAMOND", "DIAMOND", "ADMIN_RULES", "1.6", 25000L);
        assertThat(support.version(member)).isEqualTo(before + 1);
        assertThat(get("/api/v1/tiers", TestTokens.bu("HOTEL")).getBody()).contains("\"pointsMultiplier\":\"1.6\"");
    }

    @Test
    void aLoweredThresholdUpgradesMembersWhoNowReachIt() {
        String member = member(4_500_000); // growth 45000: DIAMOND under the seeded rules
        assertThat(support.tierOf(member)).isEqualTo("DIAMOND");

        var response =
                put("/api/v1/admin/tiers/BLACK_DIAMOND", TestTokens.admin(), BLACK_DIAMOND.replace("50000", "40000"));
        assertThat(response.getStatusCode().value()).isEqualTo(200);

        // the scheduled propagation gets there on its own
        await().atMost(Duration.ofSeconds(30)).until(() -> "BLACK_DIAMOND".equals(support.tierOf(member)));
        TierChanged changed = support.tierEvents(member, (int) support.version(member))
                .getLast()
                .changed();
        assertThat(changed)
                .extracting(
                        TierChanged::from,
                        TierChanged::to,
                        TierChanged::reason,
                        TierChanged::pointsMultiplier,
                        TierChanged::monthlyCoupons,
                        TierChanged::nextTier)
                .containsExactly("DIAMOND", "BLACK_DIAMOND", "ADMIN_RULES", "2.0", 10, null);
    }

    private String member(long amountFen) {
        String member = "m-" + UUID.randomUUID();
        memberships.applyOrder(new OrderCompleted(
                member, "TRAVEL", "o-" + UUID.randomUUID(), amountFen, null, Instant.now(), amountFen / 100));
        return member;
    }

    private static String gold(long threshold, String multiplier, int coupons) {
        return "{\"name\":\"黄金\",\"growthThreshold\":" + threshold + ",\"pointsMultiplier\":\"" + multiplier
                + "\",\"monthlyCoupons\":" + coupons + "}";
    }

    private String multiplierOf(String code) {
        return jdbc.sql("SELECT points_multiplier FROM tier_rule WHERE code = ?")
                .param(code)
                .query(java.math.BigDecimal.class)
                .single()
                .stripTrailingZeros()
                .toPlainString();
    }

    private int audits() {
        return jdbc.sql("SELECT COUNT(*) FROM tier_rule_audit")
                .query(Integer.class)
                .single();
    }

    private ResponseEntity<String> put(String path, String token, String body) {
        return TestHttp.toPort(port).put(path, token, body);
    }

    private ResponseEntity<String> get(String path, String token) {
        return TestHttp.toPort(port).get(path, token);
    }
}
