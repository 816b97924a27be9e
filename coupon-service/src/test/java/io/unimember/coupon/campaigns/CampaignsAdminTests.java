package io.unimember.coupon.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.Topics;
import io.unimember.coupon.Api;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestKafka;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Campaigns as data over HTTP: created DRAFT, moved through their life, every change audited, scoped and validated. */
@IntegrationTest
class CampaignsAdminTests {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    Api api;
    String hotelTemplate;

    @BeforeEach
    void setUp() {
        api = new Api(port, json);
        var body = Api.fixedTemplate(500, 1_000, 5, 500_000);
        body.put("fundingBu", "HOTEL");
        body.put("claimable", false);
        hotelTemplate = api.template(body);
    }

    @Test
    void aCampaignIsCreatedDraftAndMovesThroughItsLifeWithEveryChangeAudited() {
        Api.Response created =
                api.post("/api/v1/admin/campaigns", TestTokens.admin(), campaign("HOTEL", hotelTemplate));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("DRAFT");
        String id = created.text("campaignId");
        String path = "/api/v1/admin/campaigns/" + id;

        Map<String, Object> changed = campaign("HOTEL", hotelTemplate);
        changed.put("name", "renamed");
        changed.put("perMemberCap", 3);
        assertThat(api.put(path, TestTokens.admin(), changed).text("name")).isEqualTo("renamed");
        assertThat(api.post(path + "/activate", TestTokens.admin(), Map.of()).text("status"))
                .isEqualTo("ACTIVE");
        Api.Response editActive = api.put(path, TestTokens.admin(), changed);
        assertThat(editActive.status()).isEqualTo(409);
        assertThat(editActive.code()).isEqualTo("CAMPAIGN_NOT_EDITABLE");
        assertThat(api.post(path + "/pause", TestTokens.bu("HOTEL"), Map.of()).text("status"))
                .isEqualTo("PAUSED");
        assertThat(api.post(path + "/end", TestTokens.admin(), Map.of()).text("status"))
                .isEqualTo("ENDED");
        Api.Response again = api.post(path + "/activate", TestTokens.admin(), Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("CAMPAIGN_TRANSITION_NOT_ALLOWED");

        JsonNode audit = api.get(path + "/audit", TestTokens.admin()).body().path("items");
        assertThat(audit.valueStream().map(e -> e.path("change").asString()).toList())
                .containsExactly("CREATED", "UPDATED", "ACTIVE", "PAUSED", "ENDED");
        JsonNode update = audit.get(1);
        assertThat(update.path("actor").asString()).isEqualTo("admin");
        assertThat(update.path("before").path("perMemberCap").asInt()).isEqualTo(1);
        assertThat(update.path("after").path("perMemberCap").asInt()).isEqualTo(3);
        assertThat(audit.get(3).path("actor").asString()).isEqualTo("bu-hotel");
        assertThat(api.get(path, TestTokens.admin()).body().path("version").asLong())
                .isEqualTo(5);
        // and in the platform's one audit log, each change once, a BU's as its client's
        List<JsonNode> logged =
                TestKafka.records(Topics.ADMIN, v -> v.contains("\"campaign:" + id + "\""), 5, Duration.ofSeconds(30))
                        .stream()
                        .map(r -> json.readTree(r.value()).path("data"))
                        .toList();
        // keyed by the actor: one actor's records stay in order, two actors' have none between them
        assertThat(logged.stream()
                        .filter(d -> d.path("actor").asString().equals("admin"))
                        .map(d -> d.path("action").asString()))
                .containsExactly("CAMPAIGN_CREATED", "CAMPAIGN_UPDATED", "CAMPAIGN_ACTIVE", "CAMPAIGN_ENDED");
        JsonNode paused = logged.stream()
                .filter(d -> d.path("action").asString().equals("CAMPAIGN_PAUSED"))
                .findFirst()
                .orElseThrow();
        assertThat(paused.path("role").asString()).isEqualTo("BU_CLIENT");
        assertThat(paused.path("actor").asString()).isEqualTo("bu-hotel");
        assertThat(logged)
                .allSatisfy(d -> assertThat(d.path("service").asString()).isEqualTo("coupon-service"));
    }

    @Test
    void onlyAnOperatorAmongTheAdminsRunsCampaigns() {
        String support = TestTokens.builder()
                .subject("op-support")
                .claim("operator_id", "op-support")
                .claim("role", "SUPPORT")
                .scope("admin")
                .build();

        Api.Response refused = api.post("/api/v1/admin/campaigns", support, campaign("HOTEL", hotelTemplate));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("ROLE_REQUIRED");
    }

    @Test
    void aBusinessUnitRunsOnlyTheCampaignsItFunds() {
        Api.Response foreign =
                api.post("/api/v1/admin/campaigns", TestTokens.bu("DINE_IN"), campaign("HOTEL", hotelTemplate));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.code()).isEqualTo("FUNDING_BU_NOT_OWNED");

        Api.Response own =
                api.post("/api/v1/admin/campaigns", TestTokens.bu("HOTEL"), campaign("HOTEL", hotelTemplate));
        assertThat(own.status()).isEqualTo(201);
        String path = "/api/v1/admin/campaigns/" + own.text("campaignId");
        assertThat(api.get(path, TestTokens.bu("DINE_IN")).status()).isEqualTo(404);
        assertThat(api.post(path + "/activate", TestTokens.bu("DINE_IN"), Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(api.get(path, TestTokens.member(Api.member())).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/campaigns", TestTokens.bu("DINE_IN"))
                        .body()
                        .path("items")
                        .valueStream()
                        .map(c -> c.path("fundingBu").asString())
                        .distinct()
                        .toList())
                .containsOnly("DINE_IN");
    }

    @Test
    void badCampaignsAreRefusedNamingTheField() {
        Map<String, Object> noTrigger = campaign("HOTEL", hotelTemplate);
        noTrigger.remove("trigger");
        assertThat(errorFields(noTrigger)).contains("trigger");

        Map<String, Object> backwards = campaign("HOTEL", hotelTemplate);
        backwards.put("endsAt", Instant.now().minus(1, ChronoUnit.DAYS).toString());
        assertThat(errorFields(backwards)).contains("endsAt");

        Map<String, Object> crossWithoutDays = campaign("HOTEL", hotelTemplate);
        crossWithoutDays.put("trigger", Map.of("type", "CROSS_BU", "fromBu", "DINE_IN", "toBu", "HOTEL"));
        assertThat(errorFields(crossWithoutDays)).contains("trigger.withinDays");

        Map<String, Object> idleWithoutDays = campaign("HOTEL", hotelTemplate);
        idleWithoutDays.put("trigger", Map.of("type", "INACTIVE"));
        assertThat(errorFields(idleWithoutDays)).contains("trigger.days");

        Map<String, Object> birthdayOfAnOrder = campaign("HOTEL", hotelTemplate);
        birthdayOfAnOrder.put("trigger", Map.of("type", "BIRTHDAY", "bu", "HOTEL"));
        assertThat(errorFields(birthdayOfAnOrder)).contains("trigger.bu");

        Map<String, Object> expiringWithoutDays = campaign("HOTEL", hotelTemplate);
        expiringWithoutDays.put("trigger", Map.of("type", "POINTS_EXPIRING"));
        assertThat(errorFields(expiringWithoutDays)).contains("trigger.daysBefore");

        Map<String, Object> registeredWithoutDays = campaign("HOTEL", hotelTemplate);
        registeredWithoutDays.put("trigger", Map.of("type", "REGISTERED"));
        assertThat(errorFields(registeredWithoutDays)).contains("trigger.withinDays");

        Map<String, Object> bothBonuses = campaign("HOTEL", hotelTemplate);
        bothBonuses.put("actions", List.of(Map.of("type", "BONUS_POINTS", "points", 100, "multiplierBp", 20_000)));
        assertThat(errorFields(bothBonuses)).contains("actions[0]");

        Map<String, Object> multiplierWithoutWindow = campaign("HOTEL", hotelTemplate);
        multiplierWithoutWindow.put("actions", List.of(Map.of("type", "BONUS_POINTS", "multiplierBp", 20_000)));
        assertThat(errorFields(multiplierWithoutWindow)).contains("actions[0].windowDays");

        Map<String, Object> tinyMultiplier = campaign("HOTEL", hotelTemplate);
        tinyMultiplier.put("actions", List.of(Map.of("type", "BONUS_POINTS", "multiplierBp", 9_000, "windowDays", 30)));
        assertThat(errorFields(tinyMultiplier)).contains("actions[0].multiplierBp");

        Map<String, Object> growthWithoutAmount = campaign("HOTEL", hotelTemplate);
        growthWithoutAmount.put("actions", List.of(Map.of("type", "BONUS_GROWTH")));
        assertThat(errorFields(growthWithoutAmount)).contains("actions[0].growth");

        Map<String, Object> negativePoints = campaign("HOTEL", hotelTemplate);
        negativePoints.put("actions", List.of(Map.of("type", "BONUS_POINTS", "points", -5)));
        assertThat(errorFields(negativePoints)).contains("actions[0].points");

        Map<String, Object> twoGrowths = campaign("HOTEL", hotelTemplate);
        twoGrowths.put(
                "actions",
                List.of(Map.of("type", "BONUS_GROWTH", "growth", 10), Map.of("type", "BONUS_GROWTH", "growth", 20)));
        assertThat(errorFields(twoGrowths)).contains("actions");

        Map<String, Object> badSegment = campaign("HOTEL", hotelTemplate);
        badSegment.put("audience", Map.of("segmentId", "no spaces allowed"));
        assertThat(errorFields(badSegment)).contains("audience.segmentId");

        Map<String, Object> fractionalPoints = campaign("HOTEL", hotelTemplate);
        fractionalPoints.put("actions", List.of(Map.of("type", "BONUS_POINTS", "points", 1.5)));
        assertThat(api.post("/api/v1/admin/campaigns", TestTokens.admin(), fractionalPoints)
                        .status())
                .isEqualTo(400);

        Map<String, Object> otherFunder = campaign("DINE_IN", hotelTemplate);
        assertThat(errorFields(otherFunder)).contains("actions[0].templateId");

        Map<String, Object> badType = campaign("HOTEL", hotelTemplate);
        badType.put("trigger", Map.of("type", "NO_SUCH_TRIGGER"));
        assertThat(api.post("/api/v1/admin/campaigns", TestTokens.admin(), badType)
                        .status())
                .isEqualTo(400);

        Map<String, Object> absurdCap = campaign("HOTEL", hotelTemplate);
        absurdCap.put("perMemberCap", 1_000_000);
        assertThat(errorFields(absurdCap)).contains("perMemberCap");

        assertThat(api.get("/api/v1/admin/campaigns/no-such-campaign", TestTokens.admin())
                        .code())
                .isEqualTo("CAMPAIGN_NOT_FOUND");
        assertThat(api.post("/api/v1/admin/campaigns", TestTokens.admin(), "{not json")
                        .status())
                .isEqualTo(400);
    }

    private List<String> errorFields(Map<String, Object> body) {
        Api.Response r = api.post("/api/v1/admin/campaigns", TestTokens.admin(), body);
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        return r.body()
                .path("errors")
                .valueStream()
                .map(e -> e.path("field").asString())
                .toList();
    }

    static Map<String, Object> campaign(String fundingBu, String templateId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "test campaign");
        body.put("fundingBu", fundingBu);
        body.put("trigger", Map.of("type", "ORDER_COMPLETED", "bu", fundingBu, "category", "never-" + templateId));
        body.put("actions", List.of(Map.of("type", "GRANT_COUPON", "templateId", templateId)));
        body.put("startsAt", Instant.now().minus(1, ChronoUnit.DAYS).toString());
        body.put("endsAt", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        body.put("perMemberCap", 1);
        return body;
    }
}
