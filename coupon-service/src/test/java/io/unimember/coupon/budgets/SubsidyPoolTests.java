package io.unimember.coupon.budgets;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.unimember.common.events.Topics;
import io.unimember.coupon.Api;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestKafka;
import io.unimember.testsupport.TestTokens;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A BU's monthly pool: set by admins, drawn by every issue it funds, refused past it, visible live and as a metric. */
@IntegrationTest
class SubsidyPoolTests {

    /** No other test funds coupons by RETAIL, so its pool here limits only this test's coupons. */
    private static final String BU = "RETAIL";

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    BudgetMetrics metrics;

    Api api;
    String month;
    String path;

    @BeforeEach
    void setUp() {
        api = new Api(port, json);
        month = SubsidyPools.monthOf(Instant.now());
        path = "/api/v1/admin/budgets/" + BU + "/" + month;
    }

    @AfterEach
    void dropPool() {
        jdbc.sql("DELETE FROM subsidy_pool WHERE bu = ?").param(BU).update();
    }

    @Test
    void aPoolIsSetByOperatorsOrFinanceAndTheChangeGoesInTheAuditLog() {
        String support = operator("op-support-pool", "SUPPORT");
        String actor = "op-finance-" + java.util.UUID.randomUUID();
        String finance = operator(actor, "FINANCE");
        api.put(path, TestTokens.admin(), Map.of("limitFen", 1_000));

        Api.Response refused = api.put(path, support, Map.of("limitFen", 9_999));
        Api.Response set = api.put(path, finance, Map.of("limitFen", 5_000));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("ROLE_REQUIRED");
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        var recorded = TestKafka.records(
                Topics.ADMIN,
                v -> v.contains(actor) && v.contains("SUBSIDY_POOL_SET"),
                1,
                java.time.Duration.ofSeconds(30));
        assertThat(recorded).hasSize(1);
        JsonNode data = json.readTree(recorded.getFirst().value()).path("data");
        assertThat(data.path("role").asString()).isEqualTo("FINANCE");
        assertThat(data.path("service").asString()).isEqualTo("coupon-service");
        assertThat(data.path("target").asString()).isEqualTo("budget:" + BU + ":" + month);
        assertThat(json.readTree(data.path("before").asString())
                        .path("limitFen")
                        .asLong())
                .isEqualTo(1_000);
        assertThat(json.readTree(data.path("after").asString()).path("limitFen").asLong())
                .isEqualTo(5_000);
    }

    private static String operator(String id, String role) {
        return TestTokens.builder()
                .subject(id)
                .claim("operator_id", id)
                .claim("role", role)
                .scope("admin")
                .build();
    }

    @Test
    void issuesDrawOnThePoolUntilItIsSpentAndAgainOnceItIsRaised() {
        var terms = Api.fixedTemplate(1_000, 100, 10, 100_000);
        terms.put("fundingBu", BU);
        String template = api.template(terms);
        Api.Response set = api.put(path, TestTokens.admin(), Map.of("limitFen", 2_500));
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        String member = Api.member();

        assertThat(api.claim(member, template).status()).isEqualTo(201);
        assertThat(api.claim(member, template).status()).isEqualTo(201);
        Api.Response third = api.claim(member, template);
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.code()).isEqualTo("BUDGET_EXHAUSTED");
        Api.Response grant = api.post(
                "/api/v1/bu/coupons/grants",
                TestTokens.bu(BU),
                Map.of("grantId", "g-" + member, "templateId", template, "memberId", member));
        assertThat(grant.code()).isEqualTo("BUDGET_EXHAUSTED");

        Api.Response budget = api.get(path, TestTokens.admin());
        assertThat(budget.body().path("limitFen").asLong()).isEqualTo(2_500);
        assertThat(budget.body().path("usedFen").asLong()).isEqualTo(2_000);
        assertThat(budget.body().path("remainingFen").asLong()).isEqualTo(500);
        assertThat(budget.text("bu")).isEqualTo(BU);
        assertThat(budget.text("month")).isEqualTo(month);

        // the refusal is not remembered as the template's for good: a raised pool issues again
        api.put(path, TestTokens.admin(), Map.of("limitFen", 3_000));
        assertThat(api.claim(member, template).status()).isEqualTo(201);
        assertThat(api.get(path, TestTokens.bu(BU)).body().path("usedFen").asLong())
                .isEqualTo(3_000);

        metrics.refresh();
        assertThat(meters.get("unimember.coupon.budget.fen")
                        .tags("bu", BU, "measure", "used")
                        .gauge()
                        .value())
                .isEqualTo(3_000.0);
    }

    @Test
    void poolsAreScopedAndValidated() {
        assertThat(api.put(path, TestTokens.bu(BU), Map.of("limitFen", 1)).status())
                .isEqualTo(403);
        assertThat(api.put(path, TestTokens.member(Api.member()), Map.of("limitFen", 1))
                        .status())
                .isEqualTo(403);
        assertThat(api.put(path, TestTokens.admin(), Map.of("limitFen", -1)).status())
                .isEqualTo(400);
        assertThat(api.put(path, TestTokens.admin(), "{\"limitFen\":\"lots\"}").status())
                .isEqualTo(400);
        assertThat(api.put("/api/v1/admin/budgets/" + BU + "/2026-13", TestTokens.admin(), Map.of("limitFen", 1))
                        .status())
                .isEqualTo(400);
        assertThat(api.put("/api/v1/admin/budgets/NOPE/" + month, TestTokens.admin(), Map.of("limitFen", 1))
                        .code())
                .isEqualTo("BUSINESS_UNIT_NOT_FOUND");
        assertThat(api.get(path, TestTokens.admin()).code()).isEqualTo("BUDGET_NOT_FOUND");

        api.put(path, TestTokens.admin(), Map.of("limitFen", 10_000));
        assertThat(api.get(path, TestTokens.bu(BU)).status()).isEqualTo(200);
        assertThat(api.get(path, TestTokens.bu("HOTEL")).status()).isEqualTo(404);
        assertThat(api.get(path, TestTokens.member(Api.member())).status()).isEqualTo(403);
    }
}
