package io.unimember.member.tokens;

import io.unimember.member.clients.Clients;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Makes the authorization server's tokens our way: access tokens through {@link TokenIssuer} (the claims of DESIGN
 * §3, signed as every other token of ours), refresh tokens as a new refresh family tied to the app's authorization
 * (rotation and reuse detection as for a phone login), ID tokens by Spring's {@link JwtGenerator}.
 */
final class UnimemberTokenGenerator implements OAuth2TokenGenerator<OAuth2Token> {

    private final TokenIssuer issuer;
    private final RefreshTokens refreshTokens;
    private final Clients clients;
    private final JwtGenerator idTokens;
    private final TokenProperties properties;

    UnimemberTokenGenerator(
            TokenIssuer issuer,
            RefreshTokens refreshTokens,
            Clients clients,
            JwtGenerator idTokens,
            TokenProperties properties) {
        this.issuer = issuer;
        this.refreshTokens = refreshTokens;
        this.clients = clients;
        this.idTokens = idTokens;
        this.properties = properties;
    }

    @Override
    public @Nullable OAuth2Token generate(OAuth2TokenContext context) {
        OAuth2TokenType type = context.getTokenType();
        if (OAuth2TokenType.ACCESS_TOKEN.equals(type)) {
            return access(context);
        }
        if (OAuth2TokenType.REFRESH_TOKEN.equals(type)) {
            return refresh(context);
        }
        if (OidcParameterNames.ID_TOKEN.equals(type.getValue())) {
            return idTokens.generate(context);
        }
        return null;
    }

    private @Nullable OAuth2AccessToken access(OAuth2TokenContext context) {
        String clientId = context.getRegisteredClient().getClientId();
        AuthorizationGrantType grant = context.getAuthorizationGrantType();
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(grant)) {
            var client = clients.find(clientId).orElseThrow().client();
            // no scope asked for: every scope of the client, in its registered order (as before the migration)
            Set<String> scopes = context.getAuthorizedScopes().isEmpty()
                    ? new LinkedHashSet<>(client.scopes())
                    : context.getAuthorizedScopes();
            return bearer(issuer.clientAccess(client, scopes), scopes);
        }
        if (AuthorizationGrantType.AUTHORIZATION_CODE.equals(grant)) {
            OAuth2Authorization authorization = context.getAuthorization();
            String memberId = principal(context).getName();
            AccessTokens.Minted minted = issuer.memberAccess(memberId, context.getAuthorizedScopes(), clientId);
            if (authorization != null) {
                // the family this authorization's refresh token starts (below) carries the authorization's id
                refreshTokens.recordAccess(authorization.getId(), minted);
            }
            return bearer(minted, context.getAuthorizedScopes());
        }
        return null; // refreshes are RefreshGrant's; no other grant is enabled
    }

    private @Nullable OAuth2RefreshToken refresh(OAuth2TokenContext context) {
        OAuth2Authorization authorization = context.getAuthorization();
        if (authorization == null
                || !AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())) {
            return null;
        }
        var started = refreshTokens.start(
                authorization.getId(),
                principal(context).getName(),
                context.getRegisteredClient().getClientId(),
                String.join(" ", context.getAuthorizedScopes()));
        var now = java.time.Instant.now();
        return new OAuth2RefreshToken(started.refreshToken(), now, now.plus(properties.refreshTtl()));
    }

    /** The member an authorization code was granted by: Spring's code grant always puts them in the context. */
    private static Authentication principal(OAuth2TokenContext context) {
        Authentication principal = context.getPrincipal();
        return Objects.requireNonNull(principal, "an authorization code grant without a principal");
    }

    private static OAuth2AccessToken bearer(AccessTokens.Minted minted, Set<String> scopes) {
        return new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER, minted.value(), minted.issuedAt(), minted.expiresAt(), scopes);
    }
}
