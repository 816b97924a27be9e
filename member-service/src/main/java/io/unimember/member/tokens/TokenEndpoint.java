package io.unimember.member.tokens;

import io.unimember.common.security.Claims;
import io.unimember.member.clients.Clients;
import io.unimember.member.clients.RegisteredClient;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /oauth2/token} (RFC 6749): {@code client_credentials} for BU, merchant and admin clients, and
 * {@code refresh_token} with rotation for members. Errors are RFC 6749 JSON, not problem+json, as OAuth2 clients
 * expect.
 */
@RestController
class TokenEndpoint {

    private static final Logger log = LoggerFactory.getLogger(TokenEndpoint.class);

    private final Clients clients;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final TokenIssuer issuer;
    private final TokenProperties properties;

    TokenEndpoint(
            Clients clients,
            AccessTokens accessTokens,
            RefreshTokens refreshTokens,
            TokenIssuer issuer,
            TokenProperties properties) {
        this.clients = clients;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.issuer = issuer;
        this.properties = properties;
    }

    @PostMapping("/oauth2/token")
    ResponseEntity<TokenResponse> token(
            HttpServletRequest http,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestParam MultiValueMap<String, String> form) {
        if (http.getQueryString() != null || !isForm(http.getContentType())) {
            throw OAuthException.invalidRequest(
                    "a token request is an application/x-www-form-urlencoded POST, parameters in the body");
        }
        TokenRequest request = TokenRequest.from(form);
        String grantType = request.require("grant_type");
        TokenResponse response =
                switch (grantType) {
                    case "client_credentials" -> clientCredentials(authorization, request);
                    case "refresh_token" -> refresh(authorization, request);
                    default -> throw OAuthException.unsupportedGrantType(grantType);
                };
        return ResponseEntity.ok().headers(noStore()).body(response);
    }

    private TokenResponse clientCredentials(@Nullable String authorization, TokenRequest request) {
        ClientCredentials credentials = ClientCredentials.from(authorization, request);
        if (credentials == null) {
            throw OAuthException.invalidClient(false);
        }
        RegisteredClient client = clients.authenticate(credentials.clientId(), credentials.secret())
                .orElseThrow(() -> OAuthException.invalidClient(credentials.basic()));
        List<String> scopes = granted(request.scopes(), client.scopes());
        AccessTokens.Minted minted =
                accessTokens.mint(client.clientId(), scopes, claimsOf(client), properties.clientAccessTtl());
        return TokenResponse.of(minted, null, null);
    }

    private TokenResponse refresh(@Nullable String authorization, TokenRequest request) {
        // Member apps are public clients; a confidential client that authenticates anyway must do so correctly.
        ClientCredentials credentials = ClientCredentials.from(authorization, request);
        if (credentials != null
                && clients.authenticate(credentials.clientId(), credentials.secret())
                        .isEmpty()) {
            throw OAuthException.invalidClient(credentials.basic());
        }
        RefreshTokens.Outcome outcome = refreshTokens.rotate(request.require("refresh_token"), request.scopes());
        return switch (outcome) {
            case RefreshTokens.Rotated rotated -> {
                List<String> scopes = request.scopes() != null
                        ? request.scopes()
                        : List.of(rotated.scope().split(" "));
                yield TokenResponse.of(
                        issuer.memberAccess(rotated.memberId(), scopes), rotated.refreshToken(), rotated.memberId());
            }
            case RefreshTokens.Reused reused -> {
                log.warn(
                        "refresh token reused: revoked token family {} of member {}",
                        reused.familyId(),
                        reused.memberId());
                throw OAuthException.invalidGrant("the refresh token was already used; its family is now revoked");
            }
            case RefreshTokens.Rejected rejected -> throw OAuthException.invalidGrant(rejected.reason());
            case RefreshTokens.ScopeRejected rejected -> throw OAuthException.invalidScope(rejected.reason());
        };
    }

    private static List<String> granted(@Nullable List<String> requested, List<String> allowed) {
        if (requested == null) {
            return allowed;
        }
        if (!allowed.containsAll(requested)) {
            throw OAuthException.invalidScope("the client may request only " + String.join(" ", allowed));
        }
        return requested.stream().distinct().toList();
    }

    private static Map<String, String> claimsOf(RegisteredClient client) {
        Map<String, String> claims = new LinkedHashMap<>();
        switch (client.kind()) {
            case BU -> claims.put(Claims.BU, required(client.bu(), client));
            case MERCHANT -> {
                claims.put(Claims.MERCHANT_ID, required(client.merchantId(), client));
                claims.put(Claims.BU, required(client.bu(), client));
            }
            case ADMIN -> {}
        }
        return claims;
    }

    private static String required(@Nullable String value, RegisteredClient client) {
        if (value == null) {
            throw new IllegalStateException("client " + client.clientId() + " is missing a claim value");
        }
        return value;
    }

    @ExceptionHandler(OAuthException.class)
    ResponseEntity<Map<String, String>> oauthError(OAuthException e) {
        HttpHeaders headers = noStore();
        if (e.basicChallenge()) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"unimember\"");
        }
        return ResponseEntity.status(e.status())
                .headers(headers)
                .body(Map.of("error", e.error(), "error_description", String.valueOf(e.getMessage())));
    }

    private static boolean isForm(@Nullable String contentType) {
        try {
            return contentType != null
                    && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static HttpHeaders noStore() {
        HttpHeaders headers = new HttpHeaders();
        headers.setCacheControl(CacheControl.noStore());
        headers.setPragma("no-cache");
        return headers;
    }
}
