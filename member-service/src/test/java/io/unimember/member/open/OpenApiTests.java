package io.unimember.member.open;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.ExpiringPoints;
import io.unimember.common.events.PointsBalance;
import io.unimember.common.events.PointsEarned;
import io.unimember.common.events.TierChanged;
import io.unimember.common.inbox.EventCodec;
import io.unimember.member.MemberIntegrationTest;
import io.unimember.member.TestApi;
import io.unimember.member.clients.ClientKind;
import io.unimember.testsupport.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenApiTests extends MemberIntegrationTest {

    @Autowired
    TestApi api;

    @Autowired
    JsonMapper json;

    @Autowired
    EventCodec codec;

    @Test
    void withoutConsentAMerchantGets403ConsentRequiredEvenForNoSuchMember() {
        String merchant = api.merchantToken("shop-" + UUID.randomUUID());
        TestApi.Member member = api.newMember();

        var profile = api.get("/open/v1/members/" + member.id(), merchant);
        var entitlements = api.get("/open/v1/members/" + member.id() + "/entitlements", merchant);
        var nobody = api.get("/open/v1/members/m_nobody", merchant);

        for (var response : List.of(profile, entitlements, nobody)) {
            assertThat(response.getStatusCode().value()).isEqualTo(403);
            assertThat(response.getBody()).contains("\"code\":\"CONSENT_REQUIRED\"");
        }
    }

    @Test
    void withConsentAMerchantSeesOnlyTheDesignsFieldsFromTheView() {
        String merchantId = "cinema-" + UUID.randomUUID();
        String merchant = api.merchantToken(merchantId);
        TestApi.Member member = api.newMember();
        api.send(
                "PATCH",
                "/api/v1/members/me",
                member.token(),
                "{\"nickname\":\"secret-name\",\"birthday\":\"1991-02-03\"}");
        api.send("PUT", "/api/v1/members/me/consents/" + merchantId, member.token(), null);
        publish(new TierChanged(
                member.id(), "SILVER", "GOLD", "GROWTH", 2400, "黄金", "PLATINUM", 5600, "1.2", 5, null, 1));
        publish(new PointsEarned(
                member.id(),
                "t1",
                "DINE_IN",
                "o1",
                1520,
                false,
                Instant.now().plusSeconds(86_400),
                new PointsBalance(1520, 0, 1520, 1, List.<ExpiringPoints>of())));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode body = json.readTree(
                    api.get("/open/v1/members/" + member.id(), merchant).getBody());
            assertThat(body.get("pointsAvailable").asLong()).isEqualTo(1520);
            assertThat(body.get("tier").asString()).isEqualTo("GOLD");
        });
        var response = api.get("/open/v1/members/" + member.id(), merchant);
        JsonNode body = json.readTree(response.getBody());

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(body.propertyNames()).containsExactly("memberId", "tier", "phoneMasked", "pointsAvailable");
        assertThat(body.get("memberId").asString()).isEqualTo(member.id());
        assertThat(body.get("phoneMasked").asString()).matches("1\\d\\d\\*{4}\\d{4}");
        assertThat(response.getBody()).doesNotContain("secret-name", "1991");
        var view = api.get("/open/v1/members/" + member.id() + "/entitlements?amountFen=5000", merchant);
        assertThat(view.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(view.getBody()).get("scene").asString()).isEqualTo("ENTERTAINMENT");
    }

    @Test
    void revokingConsentClosesTheDoorAgain() {
        String merchantId = "shop-" + UUID.randomUUID();
        String merchant = api.merchantToken(merchantId);
        TestApi.Member member = api.newMember();
        api.send("PUT", "/api/v1/members/me/consents/" + merchantId, member.token(), null);
        assertThat(api.get("/open/v1/members/" + member.id(), merchant)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        api.send("DELETE", "/api/v1/members/me/consents/" + merchantId, member.token(), null);

        assertThat(api.get("/open/v1/members/" + member.id(), merchant).getBody())
                .contains("CONSENT_REQUIRED");
    }

    @Test
    void consentForOneMerchantDoesNotOpenTheMemberToAnother() {
        String granted = "shop-" + UUID.randomUUID();
        api.merchantToken(granted);
        String other = api.merchantToken("shop-" + UUID.randomUUID());
        TestApi.Member member = api.newMember();
        api.send("PUT", "/api/v1/members/me/consents/" + granted, member.token(), null);

        assertThat(api.get("/open/v1/members/" + member.id(), other).getBody()).contains("CONSENT_REQUIRED");
    }

    @Test
    void theOpenApiNeedsTheMerchantMembersScope() {
        String merchantId = "pos-" + UUID.randomUUID();
        String verifyOnly = api.clientToken(
                api.newClient(ClientKind.MERCHANT, "ENTERTAINMENT", merchantId, List.of("merchant:verify")));
        TestApi.Member member = api.newMember();
        api.send("PUT", "/api/v1/members/me/consents/" + merchantId, member.token(), null);

        var verifyToken = api.get("/open/v1/members/" + member.id(), verifyOnly);
        var buToken = api.get("/open/v1/members/" + member.id(), api.buToken("ENTERTAINMENT"));
        var memberToken = api.get("/open/v1/members/" + member.id(), member.token());

        for (var response : List.of(verifyToken, buToken, memberToken)) {
            assertThat(response.getStatusCode().value()).isEqualTo(403);
        }
    }

    private void publish(io.unimember.common.events.DomainEvent event) {
        EventEnvelope envelope = EventEnvelope.wrap(event, "test", Instant.now(), json);
        TestKafka.send(envelope.topic(), envelope.memberId(), codec.toJson(envelope));
    }
}
