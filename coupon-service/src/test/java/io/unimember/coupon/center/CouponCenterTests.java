package io.unimember.coupon.center;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.coupon.Api;
import io.unimember.coupon.budgets.SubsidyPools;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The coupon center shows the calling member what they may claim now, what is left, and why not where not. */
@IntegrationTest
class CouponCenterTests {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String member;

    @BeforeEach
    void setUp() {
        api = new Api(port, json);
        member = Api.member();
    }

    @AfterEach
    void dropPool() {
        jdbc.sql("DELETE FROM subsidy_pool WHERE bu = 'RETAIL'").update();
    }

    @Test
    void eachTemplateShowsWhatIsLeftAndWhyTheMemberCannotClaimIt() {
        String open = api.template(Api.fixedTemplate(500, 10, 2, 5_000));
        String held = api.template(Api.fixedTemplate(500, 10, 1, 5_000));
        String soldOut = api.template(Api.fixedTemplate(500, 1, 1, 500));
        var retail = Api.fixedTemplate(500, 10, 1, 5_000);
        retail.put("fundingBu", "RETAIL");
        retail.put("pointsPrice", 300);
        String unfunded = api.template(retail);
        var hidden = Api.fixedTemplate(500, 10, 1, 5_000);
        hidden.put("claimable", false);
        String notOnOffer = api.template(hidden);
        assertThat(api.claim(member, held).status()).isEqualTo(201);
        assertThat(api.claim(member, open).status()).isEqualTo(201);
        assertThat(api.claim(Api.member(), soldOut).status()).isEqualTo(201);
        api.put(
                "/api/v1/admin/budgets/RETAIL/" + SubsidyPools.monthOf(Instant.now()),
                TestTokens.admin(),
                Map.of("limitFen", 100));

        Map<String, JsonNode> items = center(null);

        assertThat(items.get(open).path("claimable").asBoolean()).isTrue();
        assertThat(items.get(open).path("remaining").asLong()).isEqualTo(9);
        assertThat(items.get(open).has("reason")).isFalse();
        assertThat(items.get(open).path("discountFen").asLong()).isEqualTo(500);
        assertThat(reason(items.get(held))).isEqualTo("LIMIT_REACHED");
        assertThat(reason(items.get(soldOut))).isEqualTo("SOLD_OUT");
        assertThat(items.get(soldOut).path("remaining").asLong()).isZero();
        assertThat(reason(items.get(unfunded))).isEqualTo("BUDGET_EXHAUSTED");
        assertThat(items.get(unfunded).path("pointsPrice").asLong()).isEqualTo(300);
        assertThat(items).doesNotContainKey(notOnOffer);
    }

    @Test
    void theSceneNarrowsTheListAndIsValidated() {
        var hotel = Api.fixedTemplate(500, 10, 1, 5_000);
        hotel.put("scenes", List.of("HOTEL"));
        String hotelOnly = api.template(hotel);
        String everywhere = api.template(Api.fixedTemplate(500, 10, 1, 5_000));

        assertThat(center("DINE_IN")).containsKey(everywhere).doesNotContainKey(hotelOnly);
        assertThat(center("HOTEL")).containsKeys(everywhere, hotelOnly);
        assertThat(api.get("/api/v1/coupons/center?scene=NOWHERE", TestTokens.member(member))
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/coupons/center", TestTokens.bu("HOTEL")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/coupons/center", null).status()).isEqualTo(401);
    }

    private Map<String, JsonNode> center(String scene) {
        Api.Response r =
                api.get("/api/v1/coupons/center" + (scene == null ? "" : "?scene=" + scene), TestTokens.member(member));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        Map<String, JsonNode> byId = new java.util.HashMap<>();
        r.body()
                .path("items")
                .valueStream()
                .forEach(i -> byId.put(i.path("templateId").asString(), i));
        return byId;
    }

    private static String reason(JsonNode item) {
        assertThat(item.path("claimable").asBoolean()).isFalse();
        return item.path("reason").asString();
    }
}
