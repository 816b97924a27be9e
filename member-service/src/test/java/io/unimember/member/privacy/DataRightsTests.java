package io.unimember.member.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.member.MemberIntegrationTest;
import io.unimember.member.TestApi;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A member lists and withdraws consents, downloads their data, and deletes their account (个人信息保护法). */
class DataRightsTests extends MemberIntegrationTest {

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMemberSeesTheirConsentsAndExportsEverythingHeldAboutThem() {
        String phone = TestApi.newPhone();
        Map<String, Object> login = api.login(phone);
        String token = (String) login.get("access_token");
        String memberId = (String) login.get("member_id");
        String merchant = "cinema-" + UUID.randomUUID().toString().substring(0, 8);
        api.merchantToken(merchant);
        String account = "ext-" + UUID.randomUUID();
        api.post(
                "/api/v1/bu/members/resolve",
                api.buToken("HOTEL"),
                "{\"phone\":\"" + phone + "\",\"externalAccountId\":\"" + account + "\"}");
        api.send("PUT", "/api/v1/members/me/consents/" + merchant, token, null);

        var consents = api.get("/api/v1/members/me/consents", token);
        var export = api.get("/api/v1/members/me/export", token);

        assertThat(consents.getStatusCode().value()).isEqualTo(200);
        assertThat(consents.getBody()).contains("\"merchantId\":\"" + merchant + "\"", "grantedAt");
        assertThat(export.getStatusCode().value()).isEqualTo(200);
        assertThat(export.getHeaders().getFirst("Content-Disposition")).contains("attachment");
        assertThat(export.getBody())
                .contains(memberId, merchant, account, "\"bu\":\"HOTEL\"", "phoneMasked")
                .doesNotContain(phone.substring(3));
        api.send("DELETE", "/api/v1/members/me/consents/" + merchant, token, null);
        assertThat(api.get("/api/v1/members/me/consents", token).getBody()).doesNotContain(merchant);
    }

    @Test
    void deletingTheAccountErasesThePersonEndsEverySessionAndFreesThePhone() {
        String phone = TestApi.newPhone();
        Map<String, Object> login = api.login(phone);
        String token = (String) login.get("access_token");
        String refresh = (String) login.get("refresh_token");
        String memberId = (String) login.get("member_id");
        api.clearOtpLimits(phone);
        String otherSession = (String) api.login(phone).get("access_token");
        api.send("PATCH", "/api/v1/members/me", token, "{\"nickname\":\"小明\"}");
        String merchant = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        String merchantToken = api.merchantToken(merchant);
        api.send("PUT", "/api/v1/members/me/consents/" + merchant, token, null);

        var deleted = api.send("DELETE", "/api/v1/members/me", token, null);

        assertThat(deleted.getStatusCode().value()).isEqualTo(204);
        assertThat(api.get("/api/v1/members/me", token).getStatusCode().value()).isEqualTo(401);
        assertThat(api.get("/api/v1/members/me", otherSession).getStatusCode().value())
                .isEqualTo(401);
        assertThat(api.tokenRequest(null, null, Map.of("grant_type", "refresh_token", "refresh_token", refresh))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(api.get("/open/v1/members/" + memberId, merchantToken)
                        .getStatusCode()
                        .value())
                .isIn(403, 404);
        var row = jdbc.sql("SELECT phone_masked, phone_enc, nickname, deleted_at IS NOT NULL FROM member"
                        + " WHERE member_id = ?")
                .param(memberId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)})
                .single();
        assertThat(row).containsExactly("-", "", null, true);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM member_consent WHERE member_id = ?")
                        .param(memberId)
                        .query(Integer.class)
                        .single())
                .isZero();
        // the phone registers afresh, as a new member
        api.clearOtpLimits(phone);
        assertThat(api.login(phone).get("member_id")).isNotEqualTo(memberId);
    }
}
