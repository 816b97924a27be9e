package io.unimember.coupon.templates;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.coupon.Api;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestTokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class TemplatesTests {

    private static final String PATH = "/api/v1/admin/coupon-templates";

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port, json);
    }

    @Test
    void adminCreatesAFixedTemplateFundedByAnyone() {
        var body = Api.fixedTemplate(1500, 100, 1, 150_000);
        body.put("fundingBu", "HOTEL");
        body.put("scenes", List.of("HOTEL", "TRAVEL"));
        body.put("minSpendFen", 10_000);

        var created = api.post(PATH, TestTokens.admin(), body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("templateId")).isNotBlank();
        assertThat(created.body().path("kind").asString()).isEqualTo("FIXED");
        assertThat(created.body().path("discountFen").asLong()).isEqualTo(1500);
        assertThat(created.body().path("scenes").toString()).isEqualTo("[\"HOTEL\",\"TRAVEL\"]");
        assertThat(created.body().path("fundingBu").asString()).isEqualTo("HOTEL");
        assertThat(created.body().path("issued").asLong()).isZero();
        var read = api.get(PATH + "/" + created.text("templateId"), TestTokens.admin());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("minSpendFen").asLong()).isEqualTo(10_000);
    }

    @Test
    void aPercentTemplateCarriesItsCapAsDiscount() {
        var body = Api.fixedTemplate(1, 100, 1, 300_000);
        body.remove("discountFen");
        body.put("kind", "PERCENT");
        body.put("percentOff", 20);
        body.put("maxDiscountFen", 3000);

        var created = api.post(PATH, TestTokens.admin(), body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("percentOff").asInt()).isEqualTo(20);
        assertThat(created.body().path("maxDiscountFen").asLong()).isEqualTo(3000);
        assertThat(created.body().path("discountFen").asLong()).isEqualTo(3000);
    }

    @Test
    void aFixedWindowIsAcceptedInsteadOfDays() {
        var body = Api.fixedTemplate(500, 10, 1, 5000);
        body.remove("validDays");
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        body.put("validFrom", from.toString());
        body.put("validTo", from.plus(7, ChronoUnit.DAYS).toString());

        var created = api.post(PATH, TestTokens.admin(), body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(Instant.parse(created.text("validTo"))).isEqualTo(from.plus(7, ChronoUnit.DAYS));
    }

    @Test
    void aBusinessUnitWithCampaignsCreatesOnlyTemplatesItFunds() {
        var own = Api.fixedTemplate(1000, 10, 1, 10_000);
        own.put("fundingBu", "DINE_IN");
        var others = Api.fixedTemplate(1000, 10, 1, 10_000);
        others.put("fundingBu", "HOTEL");
        var platform = Api.fixedTemplate(1000, 10, 1, 10_000);

        var created = api.post(PATH, TestTokens.bu("DINE_IN"), own);
        var forbidden = api.post(PATH, TestTokens.bu("DINE_IN"), others);
        var platformForbidden = api.post(PATH, TestTokens.bu("DINE_IN"), platform);
        var withoutCampaigns = api.post(
                PATH,
                TestTokens.builder().claim("bu", "DINE_IN").scope("bu:orders").build(),
                own);
        var member = api.post(PATH, TestTokens.member(Api.member()), own);

        assertThat(created.status()).isEqualTo(201);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.code()).isEqualTo("FUNDING_BU_NOT_OWNED");
        assertThat(platformForbidden.status()).isEqualTo(403);
        assertThat(withoutCampaigns.status()).isEqualTo(403);
        assertThat(member.status()).isEqualTo(403);
        assertThat(api.get(PATH + "/" + created.text("templateId"), TestTokens.bu("DINE_IN"))
                        .status())
                .isEqualTo(200);
        assertThat(api.get(PATH + "/" + created.text("templateId"), TestTokens.bu("HOTEL"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void brokenTermsAre400NamingTheFields() {
        var fixedWithoutDiscount = Api.fixedTemplate(1, 10, 1, 100);
        fixedWithoutDiscount.remove("discountFen");
        var percentWithoutCap = Api.fixedTemplate(1, 10, 1, 100);
        percentWithoutCap.remove("discountFen");
        percentWithoutCap.put("kind", "PERCENT");
        percentWithoutCap.put("percentOff", 20);
        var percentOfAll = Api.fixedTemplate(1, 10, 1, 100);
        percentOfAll.remove("discountFen");
        percentOfAll.put("kind", "PERCENT");
        percentOfAll.put("percentOff", 100);
        percentOfAll.put("maxDiscountFen", 100);
        var unknownScene = Api.fixedTemplate(100, 10, 1, 1000);
        unknownScene.put("scenes", List.of("DINE_IN", "MOON"));
        var allWithOthers = Api.fixedTemplate(100, 10, 1, 1000);
        allWithOthers.put("scenes", List.of("ALL", "HOTEL"));
        var unknownFunder = Api.fixedTemplate(100, 10, 1, 1000);
        unknownFunder.put("fundingBu", "NOBODY");
        var bothValidities = Api.fixedTemplate(100, 10, 1, 1000);
        bothValidities.put("validFrom", Instant.now().toString());
        bothValidities.put("validTo", Instant.now().plusSeconds(3600).toString());
        var noValidity = Api.fixedTemplate(100, 10, 1, 1000);
        noValidity.remove("validDays");
        var pastWindow = Api.fixedTemplate(100, 10, 1, 1000);
        pastWindow.remove("validDays");
        pastWindow.put("validFrom", Instant.now().minusSeconds(7200).toString());
        pastWindow.put("validTo", Instant.now().minusSeconds(3600).toString());
        var nonPositive = Api.fixedTemplate(-5, 0, 0, 0);
        var budgetBelowFace = Api.fixedTemplate(1500, 10, 1, 1000);
        var absurd = Api.fixedTemplate(100, 10, 1, 1000);
        absurd.put("name", "x".repeat(65));
        absurd.put("totalQuantity", 10_000_000_000L);

        assertFieldErrors(fixedWithoutDiscount, "discountFen");
        assertFieldErrors(percentWithoutCap, "maxDiscountFen");
        assertFieldErrors(percentOfAll, "percentOff");
        assertFieldErrors(unknownScene, "scenes");
        assertFieldErrors(allWithOthers, "scenes");
        assertFieldErrors(unknownFunder, "fundingBu");
        assertFieldErrors(bothValidities, "validDays");
        assertFieldErrors(noValidity, "validDays");
        assertFieldErrors(pastWindow, "validTo");
        assertFieldErrors(nonPositive, "discountFen", "totalQuantity", "perMemberLimit", "budgetFen");
        assertFieldErrors(budgetBelowFace, "budgetFen");
        assertFieldErrors(absurd, "name", "totalQuantity");
    }

    @Test
    void malformedBodiesAre400NotServerErrors() {
        var badKind = api.post(PATH, TestTokens.admin(), "{\"kind\":\"HALF_PRICE\"}");
        var notJson = api.post(PATH, TestTokens.admin(), "{\"name\":");
        var wrongType = api.post(PATH, TestTokens.admin(), "{\"totalQuantity\":\"many\"}");

        assertThat(badKind.status()).isEqualTo(400);
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(wrongType.status()).isEqualTo(400);
    }

    @Test
    void aRetriedCreationWithTheSameKeyCreatesOneTemplate() {
        var body = Api.fixedTemplate(800, 10, 1, 8000);
        String key = UUID.randomUUID().toString();

        var first = api.post(PATH, TestTokens.admin(), body, Map.of("Idempotency-Key", key));
        var retry = api.post(PATH, TestTokens.admin(), body, Map.of("Idempotency-Key", key));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("templateId")).isEqualTo(first.text("templateId"));
        assertThat(retry.body()).as("the stored answer, field for field").isEqualTo(first.body());
    }

    private void assertFieldErrors(Map<String, Object> body, String... fields) {
        var response = api.post(PATH, TestTokens.admin(), body);
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        List<String> named = response.body()
                .path("errors")
                .valueStream()
                .map(e -> e.path("field").asString())
                .toList();
        assertThat(named).as(response.raw()).contains(fields);
    }
}
