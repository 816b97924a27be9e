package io.unimember.member.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonwebtoken.Jwts;
import io.unimember.member.MemberIntegrationTest;
import io.unimember.member.TestApi;
import io.unimember.member.support.Hashing;
import io.unimember.testsupport.TestTokens;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tokens the hand-written token service issued keep working after the move to Spring Authorization Server, until
 * they expire: an access token exactly as it minted them, and a refresh token of a family stored as it stored them
 * (before the families had a client).
 */
class TokensFromBeforeTheMigrationTests extends MemberIntegrationTest {

    @Autowired
    TestApi api;

    @Autowired
    SigningKeys keys;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAccessTokenMintedByTheOldCodeIsAcceptedAndIntrospectsActive() {
        TestApi.Member member = api.newMember();
        // the old AccessTokens.mint, verbatim: typ JWT, kid, iss, sub, aud, iat, exp, jti, scope, member_id
        KeyRing.Signing signing = keys.signing();
        Instant now = Instant.now();
        String old = Jwts.builder()
                .header()
                .keyId(signing.kid())
                .type("JWT")
                .and()
                .issuer(TestTokens.ISSUER)
                .subject(member.id())
                .audience()
                .add("unimember")
                .and()
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(Duration.ofMinutes(15))))
                .id(UUID.randomUUID().toString())
                .claim("scope", "member")
                .claims(Map.of("member_id", member.id()))
                .signWith(signing.privateKey(), Jwts.SIG.RS256)
                .compact();
        String resourceServer =
                api.newClient(io.unimember.member.clients.ClientKind.BU, "HOTEL", null, List.of("bu:members"));

        var me = api.get("/api/v1/members/me", old);
        var introspected =
                api.tokenRequestTo("/oauth2/introspect", resourceServer, TestApi.SECRET, Map.of("token", old));

        assertThat(me.getStatusCode().value()).isEqualTo(200);
        assertThat(me.getBody()).contains(member.id());
        assertThat(introspected.getBody())
                .containsEntry("active", true)
                .containsEntry("sub", member.id())
                .containsEntry("member_id", member.id())
                .containsEntry("client_id", "unimember-app");
    }

    @Test
    void aRefreshTokenOfAFamilyStoredByTheOldCodeStillRotates() {
        String memberId = api.newMember().id();
        String family = UUID.randomUUID().toString();
        String token = "umrt_" + UUID.randomUUID().toString().replace("-", "");
        Instant now = Instant.now();
        // the rows exactly as the old RefreshTokens.start wrote them: no client, no access-token links
        jdbc.sql("INSERT INTO refresh_family (family_id, member_id, created_at) VALUES (?, ?, ?)")
                .params(family, memberId, Timestamp.from(now))
                .update();
        jdbc.sql("INSERT INTO refresh_token (token_hash, family_id, member_id, scope, issued_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        Hashing.sha256Hex(token),
                        family,
                        memberId,
                        "member",
                        Timestamp.from(now),
                        Timestamp.from(now.plus(Duration.ofDays(30))))
                .update();

        var refreshed = api.tokenRequest(null, null, Map.of("grant_type", "refresh_token", "refresh_token", token));
        int meAfterRefresh = api.get(
                        "/api/v1/members/me", (String) refreshed.getBody().get("access_token"))
                .getStatusCode()
                .value();
        var reused = api.tokenRequest(null, null, Map.of("grant_type", "refresh_token", "refresh_token", token));

        assertThat(refreshed.getStatusCode().value()).isEqualTo(200);
        assertThat(refreshed.getBody())
                .containsEntry("member_id", memberId)
                .containsEntry("scope", "member")
                .containsKey("refresh_token");
        assertThat(meAfterRefresh).isEqualTo(200);
        assertThat(reused.getStatusCode().value()).isEqualTo(400);
        // the reuse revoked the family, and with it the access token the refresh had just issued
        assertThat(api.get("/api/v1/members/me", (String) refreshed.getBody().get("access_token"))
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }
}
