package io.unimember.member.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.unimember.member.MemberIntegrationTest;
import io.unimember.member.TestApi;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.StringRedisTemplate;

class LogoutTests extends MemberIntegrationTest {

    @Autowired
    TestApi api;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void afterLogoutTheAccessTokenAndItsRefreshFamilyAreDeadAndEveryInstanceIsTold() throws Exception {
        Map<String, Object> login = api.login(TestApi.newPhone());
        String access = (String) login.get("access_token");
        String refresh = (String) login.get("refresh_token");
        assertThat(api.get("/api/v1/members/me", access).getStatusCode().value())
                .isEqualTo(200);

        var logout = api.post("/api/v1/members/me/logout", access, "{\"refresh_token\":\"" + refresh + "\"}");

        assertThat(logout.getStatusCode().value()).isEqualTo(204);
        var replayed = api.get("/api/v1/members/me", access);
        assertThat(replayed.getStatusCode().value()).isEqualTo(401);
        assertThat(replayed.getBody()).contains("\"code\":\"UNAUTHORIZED\"");
        var refreshed = api.tokenRequest(null, null, Map.of("grant_type", "refresh_token", "refresh_token", refresh));
        assertThat(refreshed.getStatusCode().value()).isEqualTo(400);
        assertThat(refreshed.getBody()).containsEntry("error", "invalid_grant");
        var claims = SignedJWT.parse(access).getJWTClaimsSet();
        var announced = redis.opsForStream().range(RevokedAccessTokens.STREAM, Range.unbounded()).stream()
                .map(record -> record.getValue())
                .filter(fields -> claims.getJWTID().equals(fields.get("jti")))
                .toList();
        assertThat(announced).hasSize(1);
        assertThat(announced.getFirst().get("expires"))
                .isEqualTo(Long.toString(claims.getExpirationTime().getTime()));
    }

    @Test
    void logoutWithoutABodyRevokesTheAccessTokenOnlyAndAnotherSessionLivesOn() {
        String phone = TestApi.newPhone();
        Map<String, Object> first = api.login(phone);
        api.clearOtpLimits(phone);
        Map<String, Object> second = api.login(phone);

        var logout = api.send("POST", "/api/v1/members/me/logout", (String) first.get("access_token"), null);

        assertThat(logout.getStatusCode().value()).isEqualTo(204);
        assertThat(api.get("/api/v1/members/me", (String) first.get("access_token"))
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/members/me", (String) second.get("access_token"))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        var refreshed = api.tokenRequest(null, null, Map.of("grant_type", "refresh_token", "refresh_token", (String)
                first.get("refresh_token")));
        assertThat(refreshed.getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aMemberCannotRevokeSomeoneElsesRefreshTokenAndOnlyMembersLogOut() {
        Map<String, Object> victim = api.login(TestApi.newPhone());
        TestApi.Member attacker = api.newMember();

        var logout = api.post(
                "/api/v1/members/me/logout",
                attacker.token(),
                "{\"refresh_token\":\"" + victim.get("refresh_token") + "\"}");
        var byClient = api.post("/api/v1/members/me/logout", api.buToken("DINE_IN"), "{}");
        var tooLong = api.post(
                "/api/v1/members/me/logout",
                api.newMember().token(),
                "{\"refresh_token\":\"" + "x".repeat(500) + "\"}");

        assertThat(logout.getStatusCode().value()).isEqualTo(204);
        var victimRefresh = api.tokenRequest(null, null, Map.of("grant_type", "refresh_token", "refresh_token", (String)
                victim.get("refresh_token")));
        assertThat(victimRefresh.getStatusCode().value()).isEqualTo(200);
        assertThat(byClient.getStatusCode().value()).isEqualTo(403);
        assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
    }
}
