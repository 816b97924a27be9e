package io.unimember.coupon.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.coupon.Api;
import io.unimember.coupon.support.Times;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class WalletTests {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port, json);
    }

    @Test
    void theWalletPagesThroughTheOwnersCouponsNewestFirstWithTheirCodes() {
        String member = Api.member();
        String template = api.template(Api.fixedTemplate(500, 100, 10, 50_000));
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            issued.add(api.claim(member, template).text("couponId"));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = api.get(
                    "/api/v1/coupons/me?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    TestTokens.member(member));
            assertThat(page.status()).isEqualTo(200);
            for (JsonNode item : page.body().path("items")) {
                seen.add(item.path("couponId").asString());
                assertThat(item.path("code").asString()).matches("[A-Z2-7]{26}");
            }
            cursor = page.body().path("nextCursor").isNull() ? null : page.text("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(issued.reversed());
        assertThat(api.get("/api/v1/coupons/me", TestTokens.member(Api.member()))
                        .body()
                        .path("items")
                        .size())
                .as("another member sees none of them")
                .isZero();
    }

    @Test
    void filtersByStatusAndScene() {
        String member = Api.member();
        var hotelOnly = Api.fixedTemplate(800, 100, 10, 80_000);
        hotelOnly.put("scenes", List.of("HOTEL"));
        String hotel = api.claim(member, api.template(hotelOnly)).text("couponId");
        String everywhere = api.claim(member, api.template(Api.fixedTemplate(500, 100, 10, 50_000)))
                .text("couponId");
        String expiring = api.claim(member, api.template(Api.fixedTemplate(300, 100, 10, 30_000)))
                .text("couponId");
        // its end passes (set here rather than waited for: a window short enough to wait out is one a loaded box
        // can miss before the claim lands); the expiry job has not run, and the wallet already counts it EXPIRED
        jdbc.sql("UPDATE coupon SET expires_at = ? WHERE id = ?")
                .params(Times.ts(Instant.now().minusSeconds(1)), expiring)
                .update();
        String token = TestTokens.member(member);

        assertThat(ids(api.get("/api/v1/coupons/me?status=EXPIRED", token))).containsExactly(expiring);
        assertThat(ids(api.get("/api/v1/coupons/me?status=AVAILABLE", token)))
                .containsExactlyInAnyOrder(hotel, everywhere);
        assertThat(ids(api.get("/api/v1/coupons/me?scene=DINE_IN&status=AVAILABLE", token)))
                .containsExactly(everywhere);
        assertThat(ids(api.get("/api/v1/coupons/me?scene=HOTEL&status=AVAILABLE", token)))
                .containsExactlyInAnyOrder(hotel, everywhere);
        assertThat(ids(api.get("/api/v1/coupons/me?status=REDEEMED", token))).isEmpty();
    }

    @Test
    void usableCouponsComeBestFirstWithTheirDiscountForTheAmount() {
        String member = Api.member();
        var fixed = Api.fixedTemplate(1500, 100, 10, 150_000);
        var percent = Api.fixedTemplate(1, 100, 10, 300_000);
        percent.remove("discountFen");
        percent.put("kind", "PERCENT");
        percent.put("percentOff", 20);
        percent.put("maxDiscountFen", 3000);
        var bigHotel = Api.fixedTemplate(5000, 100, 10, 500_000);
        bigHotel.put("minSpendFen", 20_000);
        bigHotel.put("scenes", List.of("HOTEL"));
        String fixedId = api.claim(member, api.template(fixed)).text("couponId");
        String percentId = api.claim(member, api.template(percent)).text("couponId");
        String bigId = api.claim(member, api.template(bigHotel)).text("couponId");
        String token = TestTokens.member(member);

        var small = api.get("/api/v1/coupons/me/usable?scene=HOTEL&amountFen=10000", token);
        var large = api.get("/api/v1/coupons/me/usable?scene=HOTEL&amountFen=30000", token);
        var dining = api.get("/api/v1/coupons/me/usable?scene=DINE_IN&amountFen=30000", token);
        var tiny = api.get("/api/v1/coupons/me/usable?scene=HOTEL&amountFen=900", token);

        assertThat(discounts(small)).containsExactly(Map.entry(percentId, 2000L), Map.entry(fixedId, 1500L));
        assertThat(discounts(large))
                .containsExactly(Map.entry(bigId, 5000L), Map.entry(percentId, 3000L), Map.entry(fixedId, 1500L));
        assertThat(discounts(dining)).containsExactly(Map.entry(percentId, 3000L), Map.entry(fixedId, 1500L));
        assertThat(discounts(tiny))
                .as("never more than the amount")
                .containsExactly(Map.entry(fixedId, 900L), Map.entry(percentId, 180L));
        assertThat(small.body().path("items").get(0).path("code").asString()).matches("[A-Z2-7]{26}");
    }

    @Test
    void badQueriesAre400AndOnlyMembersHaveWallets() {
        String token = TestTokens.member(Api.member());

        assertThat(api.get("/api/v1/coupons/me?scene=MOON", token).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/coupons/me?status=LOST", token).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/coupons/me?cursor=bm90LWEtY3Vyc29y", token).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/coupons/me?limit=1000", token).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/coupons/me/usable?scene=HOTEL&amountFen=-5", token)
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/coupons/me/usable?scene=HOTEL", token).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/coupons/me", TestTokens.bu("HOTEL")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/coupons/me", null).status()).isEqualTo(401);
    }

    private static List<String> ids(Api.Response page) {
        List<String> ids = new ArrayList<>();
        page.body().path("items").forEach(i -> ids.add(i.path("couponId").asString()));
        return ids;
    }

    private static List<Map.Entry<String, Long>> discounts(Api.Response usable) {
        List<Map.Entry<String, Long>> found = new ArrayList<>();
        usable.body()
                .path("items")
                .forEach(i -> found.add(Map.entry(
                        i.path("couponId").asString(), i.path("discountFen").asLong())));
        return found;
    }
}
