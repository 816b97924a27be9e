package io.unimember.member.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.unimember.member.MemberIntegrationTest;
import io.unimember.member.TestApi;
import io.unimember.member.clients.ClientKind;
import io.unimember.testsupport.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

class TokenEndpointTests extends MemberIntegrationTest {

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void clientCredentialsByBasicAuthGiveABuTokenSignedByAPublishedKey() throws Exception {
        String client = api.newClient(ClientKind.BU, "DINE_IN", null, List.of("bu:orders", "bu:members"));

        var response = api.tokenRequest(client, TestApi.SECRET, Map.of("grant_type", "client_credentials"));

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getCacheControl()).isEqualTo("no-store");
        Map<String, Object> body = response.getBody();
        assertThat(body).containsEntry("token_type", "Bearer").containsEntry("expires_in", 3600);
        assertThat(body).containsEntry("scope", "bu:orders bu:members").doesNotContainKey("refresh_token");
        SignedJWT jwt = SignedJWT.parse((String) body.get("access_token"));
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(TestTokens.ISSUER);
        assertThat(claims.getAudience()).containsExactly("unimember");
        assertThat(claims.getSubject()).isEqualTo(client);
        assertThat(claims.getStringClaim("bu")).isEqualTo("DINE_IN");
        assertThat(claims.getStringClaim("scope")).isEqualTo("bu:orders bu:members");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
                .isEqualTo(3_600_000);
        assertThat(claims.getClaim("member_id")).isNull();
        RSAKey key = publishedKey(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    }

    @Test
    void clientCredentialsInTheFormWorkAndTheScopeCanBeNarrowed() throws Exception {
        String client = api.newClient(
                ClientKind.MERCHANT, "ENTERTAINMENT", "cinema-42", List.of("merchant:members", "merchant:verify"));

        var response = api.tokenRequest(
                null,
                null,
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        client,
                        "client_secret",
                        TestApi.SECRET,
                        "scope",
                        "merchant:verify"));

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        var claims =
                SignedJWT.parse((String) response.getBody().get("access_token")).getJWTClaimsSet();
        assertThat(claims.getStringClaim("scope")).isEqualTo("merchant:verify");
        assertThat(claims.getStringClaim("merchant_id")).isEqualTo("cinema-42");
        assertThat(claims.getStringClaim("bu")).isEqualTo("ENTERTAINMENT");
    }

    @Test
    void aWrongSecretOrUnknownClientIsInvalidClient401() {
        String client = api.newClient(ClientKind.BU, "HOTEL", null, List.of("bu:orders"));

        var wrongBasic = api.tokenRequest(client, "not-the-secret", Map.of("grant_type", "client_credentials"));
        var wrongForm = api.tokenRequest(
                null, null, Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", "nope"));
        var unknown = api.tokenRequest("no-such-client", "x", Map.of("grant_type", "client_credentials"));
        var none = api.tokenRequest(null, null, Map.of("grant_type", "client_credentials"));

        for (var response : List.of(wrongBasic, wrongForm, unknown, none)) {
            assertThat(response.getStatusCode().value()).isEqualTo(401);
            assertThat(response.getBody()).containsEntry("error", "invalid_client");
            assertThat(response.getBody()).containsKey("error_description");
        }
        assertThat(wrongBasic.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .startsWith("Basic");
    }

    @Test
    void scopeBeyondTheClientsIsInvalidScope() {
        String client = api.newClient(ClientKind.BU, "HOTEL", null, List.of("bu:orders"));

        var response = api.tokenRequest(
                client, TestApi.SECRET, Map.of("grant_type", "client_credentials", "scope", "bu:orders admin"));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).containsEntry("error", "invalid_scope");
    }

    @Test
    void badGrantRequestsAreRfc6749Errors() {
        String client = api.newClient(ClientKind.BU, "HOTEL", null, List.of("bu:orders"));

        var unsupported = api.tokenRequest(client, TestApi.SECRET, Map.of("grant_type", "password"));
        var missing = api.tokenRequest(client, TestApi.SECRET, Map.of());
        var json = api.http()
                .post()
                .uri("/oauth2/token")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"grant_type\":\"client_credentials\"}")
                .retrieve()
                .toEntity(String.class);
        var badRefresh =
                api.tokenRequest(null, null, Map.of("grant_type", "refresh_token", "refresh_token", "umrt_made-up"));

        assertThat(unsupported.getStatusCode().value()).isEqualTo(400);
        assertThat(unsupported.getBody()).containsEntry("error", "unsupported_grant_type");
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(missing.getBody()).containsEntry("error", "invalid_request");
        assertThat(json.getStatusCode().value()).isEqualTo(400);
        assertThat(json.getBody()).contains("\"error\":\"invalid_request\"");
        assertThat(badRefresh.getStatusCode().value()).isEqualTo(400);
        assertThat(badRefresh.getBody()).containsEntry("error", "invalid_grant");
    }

    @Test
    void refreshRotatesTheTokenAndAUsedOneIsDead() throws Exception {
        Map<String, Object> login = api.login(TestApi.newPhone());
        String first = (String) login.get("refresh_token");

        var refreshed = refresh(first);
        var again = refresh(first);

        assertThat(refreshed.getStatusCode().value()).isEqualTo(200);
        Map<String, Object> body = refreshed.getBody();
        assertThat(body.get("refresh_token")).isNotNull().isNotEqualTo(first);
        assertThat(body).containsEntry("member_id", login.get("member_id")).containsEntry("scope", "member");
        var claims = SignedJWT.parse((String) body.get("access_token")).getJWTClaimsSet();
        assertThat(claims.getStringClaim("member_id")).isEqualTo(login.get("member_id"));
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
                .isEqualTo(900_000);
        assertThat(again.getStatusCode().value()).isEqualTo(400);
        assertThat(again.getBody()).containsEntry("error", "invalid_grant");
    }

    @Test
    void reusingARefreshTokenRevokesTheWholeFamily() {
        Map<String, Object> login = api.login(TestApi.newPhone());
        String first = (String) login.get("refresh_token");
        String second = (String) refresh(first).getBody().get("refresh_token");

        var reuse = refresh(first);
        var successorAfterReuse = refresh(second);

        assertThat(reuse.getStatusCode().value()).isEqualTo(400);
        assertThat(reuse.getBody()).containsEntry("error", "invalid_grant");
        assertThat(successorAfterReuse.getStatusCode().value()).isEqualTo(400);
        assertThat(successorAfterReuse.getBody()).containsEntry("error", "invalid_grant");
        assertThat(jdbc.sql("SELECT revoked_reason FROM refresh_family WHERE member_id = ?")
                        .param(login.get("member_id"))
                        .query(String.class)
                        .single())
                .isEqualTo("REUSE");
        // another login starts a new family that works
        String fresh = (String) api.login(TestApi.newPhone()).get("refresh_token");
        assertThat(refresh(fresh).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void refreshTokensAreStoredOnlyAsHashes() {
        Map<String, Object> login = api.login(TestApi.newPhone());
        String token = (String) login.get("refresh_token");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM refresh_token WHERE token_hash = ?")
                        .param(token)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM refresh_token WHERE member_id = ?")
                        .param(login.get("member_id"))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void discoveryNamesTheIssuerKeysAndTokenEndpoint() throws Exception {
        var discovery = api.get("/.well-known/openid-configuration", null);
        var jwks = api.get("/oauth2/jwks", null);

        assertThat(discovery.getStatusCode().value()).isEqualTo(200);
        assertThat(discovery.getBody())
                .contains("\"issuer\":\"" + TestTokens.ISSUER + "\"")
                .contains("\"jwks_uri\":\"" + TestTokens.ISSUER + "/oauth2/jwks\"")
                .contains("\"token_endpoint\":\"" + TestTokens.ISSUER + "/oauth2/token\"")
                .contains("client_credentials", "refresh_token");
        JWKSet set = JWKSet.parse(jwks.getBody());
        assertThat(set.getKeys()).isNotEmpty().allSatisfy(key -> {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getKeyID()).isNotBlank();
        });
    }

    private org.springframework.http.ResponseEntity<Map<String, Object>> refresh(String token) {
        return api.tokenRequest(null, null, Map.of("grant_type", "refresh_token", "refresh_token", token));
    }

    private RSAKey publishedKey(String kid) throws Exception {
        return JWKSet.parse(api.get("/oauth2/jwks", null).getBody())
                .getKeyByKeyId(kid)
                .toRSAKey();
    }
}
