package io.unimember.member.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import io.unimember.member.MemberIntegrationTest;
import io.unimember.member.TestApi;
import io.unimember.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** member-service checks its own tokens: only a well-formed, unexpired RS256 token of ours, for us, gets in. */
class TokenVerificationTests extends MemberIntegrationTest {

    @Autowired
    TestApi api;

    @Autowired
    SigningKeys keys;

    @Test
    void aValidMemberTokenIsAccepted() {
        TestApi.Member member = api.newMember();

        var response = api.get("/api/v1/members/me", member.token());

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains(member.id());
    }

    @Test
    void expiredWrongIssuerWrongAudienceNoneHs256AndForeignKeysAre401Problems() {
        String memberId = api.newMember().id();
        KeyRing.Signing ours = keys.signing();
        Instant now = Instant.now();

        String expired = ours(memberId, b -> b.issuedAt(Date.from(now.minus(Duration.ofHours(2))))
                .expiration(Date.from(now.minus(Duration.ofHours(1)))));
        String wrongIssuer = ours(memberId, b -> b.issuer("http://evil.example"));
        String wrongAudience =
                signed(memberId, "someone-else", b -> b.signWith(ours.privateKey(), Jwts.SIG.RS256), ours.kid());
        String algNone = unsigned(ours.kid(), memberId);
        String hs256WithPublicKey = signed(
                memberId,
                b -> b.signWith(
                        Keys.hmacShaKeyFor(
                                keys.ring().publicKeys().get(ours.kid()).getEncoded()),
                        Jwts.SIG.HS256),
                ours.kid());
        String otherKeyOurKid =
                signed(memberId, b -> b.signWith(TestTokens.newKeyPair().getPrivate(), Jwts.SIG.RS256), ours.kid());
        String testIssuerKey = TestTokens.member(memberId);
        String garbage = "not.a.jwt";

        for (String token : List.of(
                expired,
                wrongIssuer,
                wrongAudience,
                algNone,
                hs256WithPublicKey,
                otherKeyOurKid,
                testIssuerKey,
                garbage)) {
            var response = api.get("/api/v1/members/me", token);
            assertThat(response.getStatusCode().value()).as(token).isEqualTo(401);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody()).contains("\"code\":\"UNAUTHORIZED\"", "traceId");
        }
        var missing = api.get("/api/v1/members/me", null);
        assertThat(missing.getStatusCode().value()).isEqualTo(401);
        assertThat(missing.getBody()).contains("\"code\":\"UNAUTHORIZED\"");
    }

    @Test
    void aValidTokenWithoutTheScopeIs403() {
        String buToken = api.buToken("HOTEL");
        String memberToken = api.newMember().token();

        var buAtMemberPath = api.get("/api/v1/members/me", buToken);
        var memberAtAdminPath = api.post("/api/v1/admin/keys/rotate", memberToken, "{}");
        var memberAtBuPath = api.post("/api/v1/bu/members/resolve", memberToken, "{\"phone\":\"13800000000\"}");

        for (var response : List.of(buAtMemberPath, memberAtAdminPath, memberAtBuPath)) {
            assertThat(response.getStatusCode().value()).isEqualTo(403);
            assertThat(response.getBody()).contains("\"code\":\"INSUFFICIENT_SCOPE\"");
        }
    }

    private String ours(String memberId, UnaryOperator<io.jsonwebtoken.JwtBuilder> change) {
        KeyRing.Signing signing = keys.signing();
        return signed(memberId, b -> change.apply(b).signWith(signing.privateKey(), Jwts.SIG.RS256), signing.kid());
    }

    private static String signed(String memberId, UnaryOperator<io.jsonwebtoken.JwtBuilder> finish, String kid) {
        return signed(memberId, "unimember", finish, kid);
    }

    private static String signed(
            String memberId, String audience, UnaryOperator<io.jsonwebtoken.JwtBuilder> finish, String kid) {
        Instant now = Instant.now();
        var builder = Jwts.builder()
                .header()
                .keyId(kid)
                .and()
                .issuer(TestTokens.ISSUER)
                .subject(memberId)
                .audience()
                .add(audience)
                .and()
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(Duration.ofMinutes(10))))
                .id(UUID.randomUUID().toString())
                .claim("scope", "member")
                .claim("member_id", memberId);
        return finish.apply(builder).compact();
    }

    private static String unsigned(String kid, String memberId) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"none\",\"kid\":\"" + kid + "\"}";
        String payload = "{\"iss\":\"" + TestTokens.ISSUER + "\",\"sub\":\"" + memberId
                + "\",\"aud\":\"unimember\",\"iat\":" + now + ",\"exp\":" + (now + 600)
                + ",\"scope\":\"member\",\"member_id\":\"" + memberId + "\"}";
        return b64(header) + "." + b64(payload) + ".";
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
