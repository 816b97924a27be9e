package io.unimember.member.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.unimember.member.CapturingSmsSender;
import io.unimember.member.MemberTestBeans;
import io.unimember.member.TestApi;
import io.unimember.member.clients.ClientKind;
import io.unimember.member.clients.Clients;
import io.unimember.member.clients.RegisteredClient;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TcpProxy;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * An OIDC-certification-style run with a third-party client library (Nimbus oauth2-oidc-sdk) against the running
 * authorization server, reached as a client would reach it: under the public issuer, here a proxy on a port of its
 * own standing in for the gateway (the issuer names it, not member-service's port). Discovery, authorization code
 * with PKCE through the sign-in and consent pages, the ID token and userinfo, refresh rotation with reuse
 * detection, introspection and revocation.
 */
@IntegrationTest(properties = "unimember.security.issuer=http://127.0.0.1:${unimember.test.public-port}")
@Import(MemberTestBeans.class)
class AuthorizationServerConformanceTests {

    private static final int PUBLIC_PORT = freePort();
    private static final String ISSUER = "http://127.0.0.1:" + PUBLIC_PORT;
    private static final URI REDIRECT = URI.create("http://127.0.0.1:9/callback");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CONSENT_STATE = Pattern.compile("name=\"state\" value=\"([^\"]+)\"");

    static {
        System.setProperty("unimember.test.public-port", Integer.toString(PUBLIC_PORT));
    }

    @Autowired
    Clients clients;

    @Autowired
    CapturingSmsSender sms;

    @Autowired
    TestApi api;

    @LocalServerPort
    int port;

    private TcpProxy gateway;
    private ClientID clientId;
    private final Secret secret = new Secret("app-secret-" + UUID.randomUUID());

    @BeforeEach
    void publicIssuerAndAnApp() {
        gateway = TcpProxy.on(PUBLIC_PORT, "127.0.0.1", port).start();
        clientId = new ClientID("app-" + UUID.randomUUID());
        clients.ensure(
                new RegisteredClient(
                        clientId.getValue(), ClientKind.MEMBER_APP, null, null, List.of("openid", "profile", "member")),
                secret.getValue(),
                "Cinema Partner App",
                List.of(REDIRECT.toString()));
    }

    @AfterEach
    void stopProxy() {
        gateway.stop();
    }

    @Test
    void discoveryNamesThePublicIssuerAndOnlyWhatExists() throws Exception {
        OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(ISSUER));

        assertThat(metadata.getIssuer().getValue()).isEqualTo(ISSUER);
        assertThat(metadata.getTokenEndpointURI()).hasToString(ISSUER + "/oauth2/token");
        assertThat(metadata.getJWKSetURI()).hasToString(ISSUER + "/oauth2/jwks");
        assertThat(metadata.getAuthorizationEndpointURI()).hasToString(ISSUER + "/oauth2/authorize");
        assertThat(metadata.getUserInfoEndpointURI()).hasToString(ISSUER + "/userinfo");
        assertThat(metadata.getIntrospectionEndpointURI()).hasToString(ISSUER + "/oauth2/introspect");
        assertThat(metadata.getRevocationEndpointURI()).hasToString(ISSUER + "/oauth2/revoke");
        assertThat(metadata.getGrantTypes())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("authorization_code", "client_credentials", "refresh_token");
        assertThat(metadata.getCodeChallengeMethods()).containsExactly(CodeChallengeMethod.S256);
        assertThat(metadata.getDeviceAuthorizationEndpointURI()).isNull();
        assertThat(metadata.getEndSessionEndpointURI()).isNull();
        // every advertised endpoint answers (none is a 404)
        HttpClient http = HttpClient.newHttpClient();
        for (URI endpoint : List.of(metadata.getJWKSetURI(), metadata.getUserInfoEndpointURI())) {
            int status = http.send(HttpRequest.newBuilder(endpoint).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            assertThat(status).as(endpoint.toString()).isIn(200, 401);
        }
    }

    @Test
    void authorizationCodeWithPkceThenRefreshRotationIntrospectionAndRevocation() throws Exception {
        OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(ISSUER));
        String phone = TestApi.newPhone();
        CodeVerifier verifier = new CodeVerifier();
        Nonce nonce = new Nonce();

        AuthorizationCode code = authorize(metadata, phone, verifier, nonce);
        OIDCTokenResponse tokens =
                (OIDCTokenResponse) tokenRequest(metadata, new AuthorizationCodeGrant(code, REDIRECT, verifier));

        // the ID token is valid for this app, signed by a published key
        var idToken = tokens.getOIDCTokens().getIDToken();
        var claims = new IDTokenValidator(
                        new Issuer(ISSUER),
                        clientId,
                        JWSAlgorithm.RS256,
                        metadata.getJWKSetURI().toURL())
                .validate(idToken, nonce);
        String memberId = claims.getSubject().getValue();
        assertThat(memberId).startsWith("m");
        // the access token is a Unimember member token: DESIGN §3's claims, accepted by the member API
        AccessToken access = tokens.getOIDCTokens().getAccessToken();
        var jwt = com.nimbusds.jwt.SignedJWT.parse(access.getValue()).getJWTClaimsSet();
        assertThat(jwt.getAudience()).containsExactly("unimember");
        assertThat(jwt.getStringClaim("member_id")).isEqualTo(memberId);
        assertThat(jwt.getStringClaim("azp")).isEqualTo(clientId.getValue());
        assertThat(jwt.getStringClaim("scope").split(" ")).contains("member", "openid");
        assertThat(api.get("/api/v1/members/me", access.getValue()).getBody()).contains(memberId);
        // userinfo
        UserInfoResponse userInfo = UserInfoResponse.parse(
                new UserInfoRequest(metadata.getUserInfoEndpointURI(), (BearerAccessToken) access)
                        .toHTTPRequest()
                        .send());
        assertThat(userInfo.indicatesSuccess()).isTrue();
        assertThat(userInfo.toSuccessResponse().getUserInfo().getSubject().getValue())
                .isEqualTo(memberId);
        assertThat(userInfo.toSuccessResponse().getUserInfo().toJSONObject()).doesNotContainKey("phone_number");
        // introspection
        assertThat(introspect(metadata, access.getValue()).isActive()).isTrue();
        assertThat(introspect(metadata, access.getValue()).getSubject().getValue())
                .isEqualTo(memberId);

        // refresh rotates the refresh token
        RefreshToken first = tokens.getTokens().getRefreshToken();
        TokenResponse refreshed = tokenRequest(metadata, new RefreshTokenGrant(first));
        assertThat(refreshed.indicatesSuccess()).isTrue();
        RefreshToken second = refreshed.toSuccessResponse().getTokens().getRefreshToken();
        AccessToken secondAccess = refreshed.toSuccessResponse().getTokens().getAccessToken();
        assertThat(second.getValue()).isNotEqualTo(first.getValue());
        assertThat(introspect(metadata, second.getValue()).isActive()).isTrue();
        assertThat(introspect(metadata, first.getValue()).isActive()).isFalse();

        // reusing the spent one revokes the family and its live access tokens
        TokenResponse reuse = tokenRequest(metadata, new RefreshTokenGrant(first));
        assertThat(reuse.indicatesSuccess()).isFalse();
        assertThat(((TokenErrorResponse) reuse).getErrorObject().getCode()).isEqualTo("invalid_grant");
        assertThat(tokenRequest(metadata, new RefreshTokenGrant(second)).indicatesSuccess())
                .isFalse();
        for (AccessToken revoked : List.of(access, secondAccess)) {
            assertThat(introspect(metadata, revoked.getValue()).isActive()).isFalse();
            assertThat(api.get("/api/v1/members/me", revoked.getValue())
                            .getStatusCode()
                            .value())
                    .isEqualTo(401);
        }
    }

    @Test
    void revokingARefreshTokenEndsItsFamilyAndRevokingAnAccessTokenEndsIt() throws Exception {
        OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(ISSUER));
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = authorize(metadata, TestApi.newPhone(), verifier, new Nonce());
        var tokens = tokenRequest(metadata, new AuthorizationCodeGrant(code, REDIRECT, verifier))
                .toSuccessResponse()
                .getTokens();

        var revokeRefresh = new TokenRevocationRequest(
                        metadata.getRevocationEndpointURI(),
                        new ClientSecretBasic(clientId, secret),
                        tokens.getRefreshToken())
                .toHTTPRequest()
                .send();
        var revokeAccess = new TokenRevocationRequest(
                        metadata.getRevocationEndpointURI(),
                        new ClientSecretBasic(clientId, secret),
                        tokens.getAccessToken())
                .toHTTPRequest()
                .send();
        var revokeGarbage = new TokenRevocationRequest(
                        metadata.getRevocationEndpointURI(),
                        new ClientSecretBasic(clientId, secret),
                        new BearerAccessToken("not-a-token"))
                .toHTTPRequest()
                .send();

        assertThat(revokeRefresh.getStatusCode()).isEqualTo(200);
        assertThat(revokeAccess.getStatusCode()).isEqualTo(200);
        assertThat(revokeGarbage.getStatusCode()).isEqualTo(200);
        assertThat(tokenRequest(metadata, new RefreshTokenGrant(tokens.getRefreshToken()))
                        .indicatesSuccess())
                .isFalse();
        assertThat(introspect(metadata, tokens.getAccessToken().getValue()).isActive())
                .isFalse();
    }

    @Test
    void aCodePresentedTwiceIsRefusedAndRevokesTheTokensItGave() throws Exception {
        OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(ISSUER));
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = authorize(metadata, TestApi.newPhone(), verifier, new Nonce());
        var tokens = tokenRequest(metadata, new AuthorizationCodeGrant(code, REDIRECT, verifier))
                .toSuccessResponse()
                .getTokens();
        assertThat(introspect(metadata, tokens.getAccessToken().getValue()).isActive())
                .isTrue();

        TokenResponse replay = tokenRequest(metadata, new AuthorizationCodeGrant(code, REDIRECT, verifier));

        assertThat(replay.indicatesSuccess()).isFalse();
        assertThat(((TokenErrorResponse) replay).getErrorObject().getCode()).isEqualTo("invalid_grant");
        assertThat(introspect(metadata, tokens.getAccessToken().getValue()).isActive())
                .isFalse();
        assertThat(api.get("/api/v1/members/me", tokens.getAccessToken().getValue())
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(tokenRequest(metadata, new RefreshTokenGrant(tokens.getRefreshToken()))
                        .indicatesSuccess())
                .isFalse();
    }

    @Test
    void theCodeNeedsItsOwnVerifierAndPlainPkceIsRefused() throws Exception {
        OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(ISSUER));
        AuthorizationCode code = authorize(metadata, TestApi.newPhone(), new CodeVerifier(), new Nonce());

        TokenResponse wrongVerifier =
                tokenRequest(metadata, new AuthorizationCodeGrant(code, REDIRECT, new CodeVerifier()));
        assertThat(wrongVerifier.indicatesSuccess()).isFalse();
        assertThat(((TokenErrorResponse) wrongVerifier).getErrorObject().getCode())
                .isEqualTo("invalid_grant");

        var plain = new AuthenticationRequest.Builder(
                        ResponseType.CODE, new Scope("openid", "member"), clientId, REDIRECT)
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(new State())
                .nonce(new Nonce())
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.PLAIN)
                .build();
        var noPkce = new AuthenticationRequest.Builder(
                        ResponseType.CODE, new Scope("openid", "member"), clientId, REDIRECT)
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(new State())
                .nonce(new Nonce())
                .build();
        for (var request : List.of(plain, noPkce)) {
            HttpResponse<String> answer = browser()
                    .send(HttpRequest.newBuilder(request.toURI()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(302);
            String location = answer.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith(REDIRECT.toString()).contains("error=invalid_request");
        }
    }

    /** The browser part: the app sends the member to authorize, they sign in by phone + OTP and consent. */
    private AuthorizationCode authorize(OIDCProviderMetadata metadata, String phone, CodeVerifier verifier, Nonce nonce)
            throws Exception {
        State state = new State();
        URI authorize = new AuthenticationRequest.Builder(
                        ResponseType.CODE, new Scope("openid", "profile", "member"), clientId, REDIRECT)
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
        HttpClient browser = browser();

        HttpResponse<String> toLogin = get(browser, authorize);
        assertThat(toLogin.statusCode()).isEqualTo(302);
        URI login = URI.create(toLogin.headers().firstValue("Location").orElseThrow());
        assertThat(login).hasToString(ISSUER + "/login");
        HttpResponse<String> page = get(browser, login);
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> codeSent =
                post(browser, URI.create(ISSUER + "/login/code"), Map.of("phone", phone, "_csrf", csrf(page)));
        assertThat(codeSent.statusCode()).as(codeSent.body()).isEqualTo(200);
        HttpResponse<String> signedIn = post(
                browser,
                URI.create(ISSUER + "/login"),
                Map.of("phone", phone, "otp", sms.lastCodeFor(phone), "_csrf", csrf(codeSent)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> consent = get(
                browser, URI.create(signedIn.headers().firstValue("Location").orElseThrow()));
        assertThat(consent.statusCode()).isEqualTo(200);
        assertThat(consent.body()).contains(clientId.getValue(), "member", "profile");
        Matcher consentState = CONSENT_STATE.matcher(consent.body());
        assertThat(consentState.find()).isTrue();
        HttpResponse<String> approved = browser.send(
                HttpRequest.newBuilder(metadata.getAuthorizationEndpointURI())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("client_id=" + clientId.getValue() + "&state="
                                + URLEncoder.encode(consentState.group(1), StandardCharsets.UTF_8)
                                + "&scope=profile&scope=member"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(302);
        AuthenticationResponse response = AuthenticationResponseParser.parse(
                URI.create(approved.headers().firstValue("Location").orElseThrow()));
        assertThat(response.indicatesSuccess()).isTrue();
        assertThat(response.getState()).isEqualTo(state);
        return response.toSuccessResponse().getAuthorizationCode();
    }

    private TokenResponse tokenRequest(OIDCProviderMetadata metadata, AuthorizationGrant grant) throws Exception {
        return OIDCTokenResponseParser.parse(
                new TokenRequest(metadata.getTokenEndpointURI(), new ClientSecretBasic(clientId, secret), grant, null)
                        .toHTTPRequest()
                        .send());
    }

    private com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse introspect(
            OIDCProviderMetadata metadata, String token) throws Exception {
        TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                        metadata.getIntrospectionEndpointURI(),
                        new ClientSecretBasic(clientId, secret),
                        token.startsWith("umrt_") ? new RefreshToken(token) : new BearerAccessToken(token))
                .toHTTPRequest()
                .send());
        assertThat(response.indicatesSuccess()).isTrue();
        return response.toSuccessResponse();
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private static HttpResponse<String> get(HttpClient browser, URI uri) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(uri).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient browser, URI uri, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as(page.body()).isTrue();
        return matcher.group(1);
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
