package io.unimember.coupon.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.Topics;
import io.unimember.coupon.Api;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestKafka;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class PosVerifyTests {

    private static final String VERIFY = "/open/v1/coupons/verify";

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    Api api;
    String merchant;

    @BeforeEach
    void setUp() {
        api = new Api(port, json);
        merchant = TestTokens.merchant("merchant-demo", "ENTERTAINMENT");
    }

    @Test
    void aScannedCodeRedeemsTheCouponOnceAtTheMerchantsBusinessUnit() {
        var terms = Api.fixedTemplate(1500, 100, 1, 150_000);
        terms.put("fundingBu", "DINE_IN");
        var coupon = api.claim(Api.member(), api.template(terms));

        var verified =
                api.post(VERIFY, merchant, Map.of("code", coupon.text("code").toLowerCase(Locale.ROOT)));
        var again = api.post(VERIFY, merchant, Map.of("code", coupon.text("code")));

        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.text("couponId")).isEqualTo(coupon.text("couponId"));
        assertThat(verified.body().path("discountFen").asLong()).isEqualTo(1500);
        assertThat(verified.text("redeemingBu")).isEqualTo("ENTERTAINMENT");
        assertThat(verified.text("status")).isEqualTo("REDEEMED");
        assertThat(verified.raw()).doesNotContain("memberId");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("COUPON_NOT_AVAILABLE");
        JsonNode event = json.readTree(TestKafka.records(
                                Topics.COUPON,
                                v -> v.contains(coupon.text("couponId")) && v.contains("coupon.redeemed"),
                                1,
                                Duration.ofSeconds(30))
                        .getFirst()
                        .value())
                .path("data");
        assertThat(event.path("fundingBu").asString()).isEqualTo("DINE_IN");
        assertThat(event.path("redeemingBu").asString()).isEqualTo("ENTERTAINMENT");
        assertThat(event.path("orderRef").asString()).startsWith("POS:merchant-demo:");
        assertThat(event.path("discountFen").asLong()).isEqualTo(1500);
    }

    @Test
    void aPosRetryWithItsKeyGetsTheOriginalAnswer() {
        var coupon = api.claim(Api.member(), api.template(Api.fixedTemplate(800, 100, 1, 80_000)));
        var key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        var body = Map.<String, Object>of("code", coupon.text("code"), "orderRef", "till-7-0042");

        var first = api.post(VERIFY, merchant, body, key);
        var retry = api.post(VERIFY, merchant, body, key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("orderRef")).isEqualTo("POS:merchant-demo:till-7-0042");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.raw()).isEqualTo(first.raw());
    }

    @Test
    void aCodeThatDoesNotFitIsRefused() {
        var hotelOnly = Api.fixedTemplate(1000, 100, 1, 100_000);
        hotelOnly.put("scenes", List.of("HOTEL"));
        var hotelCoupon = api.claim(Api.member(), api.template(hotelOnly));
        var percent = Api.fixedTemplate(1, 100, 1, 300_000);
        percent.remove("discountFen");
        percent.put("kind", "PERCENT");
        percent.put("percentOff", 10);
        percent.put("maxDiscountFen", 3000);
        var percentCoupon = api.claim(Api.member(), api.template(percent));

        var wrongScene = api.post(VERIFY, merchant, Map.of("code", hotelCoupon.text("code")));
        var noAmount = api.post(VERIFY, merchant, Map.of("code", percentCoupon.text("code")));
        var withAmount = api.post(VERIFY, merchant, Map.of("code", percentCoupon.text("code"), "amountFen", 12_000));
        var unknown = api.post(VERIFY, merchant, Map.of("code", "AAAAAAAAAAAAAAAAAAAAAAAAAA"));

        assertThat(wrongScene.status()).isEqualTo(409);
        assertThat(wrongScene.code()).isEqualTo("COUPON_NOT_APPLICABLE");
        assertThat(noAmount.status()).isEqualTo(400);
        assertThat(noAmount.raw()).contains("amountFen");
        assertThat(withAmount.status()).isEqualTo(200);
        assertThat(withAmount.body().path("discountFen").asLong()).isEqualTo(1200);
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void aLockedCouponCannotBeUsedAtAPosToo() {
        var coupon = api.claim(Api.member(), api.template(Api.fixedTemplate(1000, 100, 1, 100_000)));
        var locked = api.post(
                "/api/v1/bu/coupons/" + coupon.text("couponId") + "/locks",
                TestTokens.bu("DINE_IN"),
                Map.of("lockId", "l-" + UUID.randomUUID(), "orderRef", "o-1", "amountFen", 5000));

        var verify = api.post(VERIFY, merchant, Map.of("code", coupon.text("code")));

        assertThat(locked.status()).isEqualTo(201);
        assertThat(verify.status()).isEqualTo(409);
        assertThat(verify.code()).isEqualTo("COUPON_NOT_AVAILABLE");
    }

    @Test
    void onlyMerchantsWithVerifyMayVerify() {
        var coupon = api.claim(Api.member(), api.template(Api.fixedTemplate(1000, 100, 1, 100_000)));
        var body = Map.of("code", coupon.text("code"));

        var member = api.post(VERIFY, TestTokens.member(Api.member()), body);
        var readOnly = api.post(
                VERIFY,
                TestTokens.builder()
                        .claim("merchant_id", "m-1")
                        .claim("bu", "ENTERTAINMENT")
                        .scope("merchant:members")
                        .build(),
                body);
        var bu = api.post(VERIFY, TestTokens.bu("ENTERTAINMENT"), body);

        assertThat(member.status()).isEqualTo(403);
        assertThat(readOnly.status()).isEqualTo(403);
        assertThat(bu.status()).isEqualTo(403);
        assertThat(api.post(VERIFY, merchant, body).status()).as("still unused").isEqualTo(200);
    }
}
