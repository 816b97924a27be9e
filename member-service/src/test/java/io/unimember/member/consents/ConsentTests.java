package io.unimember.member.consents;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.entitlements.CachedViews;
import io.unimember.common.entitlements.StoredView;
import io.unimember.member.MemberIntegrationTest;
import io.unimember.member.TestApi;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

class ConsentTests extends MemberIntegrationTest {

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    CachedViews keys;

    @Autowired
    JsonMapper json;

    @Test
    void aMemberGrantsAndRevokesAMerchantIdempotently() {
        String merchant = "shop-" + UUID.randomUUID();
        api.merchantToken(merchant);
        TestApi.Member member = api.newMember();

        var granted = api.send("PUT", "/api/v1/members/me/consents/" + merchant, member.token(), null);
        var again = api.send("PUT", "/api/v1/members/me/consents/" + merchant, member.token(), null);
        int whileGranted = consents(member.id(), merchant);
        var revoked = api.send("DELETE", "/api/v1/members/me/consents/" + merchant, member.token(), null);
        var revokedAgain = api.send("DELETE", "/api/v1/members/me/consents/" + merchant, member.token(), null);

        assertThat(granted.getStatusCode().value()).isEqualTo(200);
        assertThat(granted.getBody()).contains("\"merchantId\":\"" + merchant + "\"", "\"grantedAt\"");
        assertThat(again.getBody()).isEqualTo(granted.getBody());
        assertThat(whileGranted).isEqualTo(1);
        assertThat(revoked.getStatusCode().value()).isEqualTo(204);
        assertThat(revokedAgain.getStatusCode().value()).isEqualTo(204);
        assertThat(consents(member.id(), merchant)).isZero();
    }

    @Test
    void theCachedViewTheGatewayReadsListsTheConsentFromItsGrantUntilItsRevocation() {
        String merchant = "shop-" + UUID.randomUUID();
        api.merchantToken(merchant);
        TestApi.Member member = api.newMember();

        api.send("PUT", "/api/v1/members/me/consents/" + merchant, member.token(), null);
        StoredView granted = cachedView(member.id());
        api.send("DELETE", "/api/v1/members/me/consents/" + merchant, member.token(), null);
        StoredView revoked = cachedView(member.id());

        assertThat(granted.consents()).containsExactly(merchant);
        assertThat(granted.lets(merchant)).isTrue();
        assertThat(revoked.consents()).isEmpty();
        assertThat(revoked.lets(merchant)).isFalse();
    }

    @Test
    void consentToAnUnknownMerchantIs404AndABadIdIs400() {
        String token = api.newMember().token();

        var unknown = api.send("PUT", "/api/v1/members/me/consents/nobody-" + UUID.randomUUID(), token, null);
        var bad = api.send("PUT", "/api/v1/members/me/consents/" + "x".repeat(65), token, null);
        var badChars = api.send("PUT", "/api/v1/members/me/consents/a%20b", token, null);

        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody()).contains("MERCHANT_NOT_FOUND");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody()).contains("VALIDATION_FAILED", "merchantId");
        assertThat(badChars.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void onlyAMemberManagesConsents() {
        String merchant = "shop-" + UUID.randomUUID();
        String merchantToken = api.merchantToken(merchant);

        var byMerchant = api.send("PUT", "/api/v1/members/me/consents/" + merchant, merchantToken, null);

        assertThat(byMerchant.getStatusCode().value()).isEqualTo(403);
    }

    /** The view as the gateway reads it from Redis (written just after each change commits). */
    private StoredView cachedView(String memberId) {
        String value = redis.opsForValue().get(keys.key(memberId));
        assertThat(CachedViews.parse(value)).isInstanceOf(CachedViews.Value.View.class);
        return json.readValue(((CachedViews.Value.View) CachedViews.parse(value)).json(), StoredView.class);
    }

    private int consents(String memberId, String merchantId) {
        return jdbc.sql("SELECT COUNT(*) FROM member_consent WHERE member_id = ? AND merchant_id = ?")
                .params(memberId, merchantId)
                .query(Integer.class)
                .single();
    }
}
