package io.unimember.member.tokens;

import io.unimember.common.security.Claims;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * {@code grant_type=refresh_token}, in place of Spring's provider: every refresh token of ours belongs to a refresh
 * family ({@link RefreshTokens}), whether a phone login or an app's authorization started it, so rotation, reuse
 * detection (which revokes the family and its live access tokens) and the client binding are one rule for all.
 */
final class RefreshGrant implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(RefreshGrant.class);

    private final RefreshTokens refreshTokens;
    private final TokenIssuer issuer;
    private final TokenProperties properties;

    RefreshGrant(RefreshTokens refreshTokens, TokenIssuer issuer, TokenProperties properties) {
        this.refreshTokens = refreshTokens;
        this.issuer = issuer;
        this.properties = properties;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2RefreshTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var request = (OAuth2RefreshTokenAuthenticationToken) authentication;
        if (!(request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client)
                || !client.isAuthenticated()
                || client.getRegisteredClient() == null) {
            throw error(OAuth2ErrorCodes.INVALID_CLIENT, "client authentication failed");
        }
        RegisteredClient registered = client.getRegisteredClient();
        if (!registered.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
            throw error(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, "this client may not refresh tokens");
        }
        String clientId =
                ClientRegistrations.FIRST_PARTY.equals(registered.getClientId()) ? null : registered.getClientId();
        List<String> requested = request.getScopes().isEmpty() ? null : List.copyOf(request.getScopes());
        RefreshTokens.Outcome outcome = refreshTokens.rotate(request.getRefreshToken(), requested, clientId);
        return switch (outcome) {
            case RefreshTokens.Rotated rotated -> tokens(registered, client, rotated, requested, clientId);
            case RefreshTokens.Reused reused -> {
                log.warn(
                        "refresh token reused: revoked token family {} of member {} and its access tokens",
                        reused.familyId(),
                        reused.memberId());
                throw error(
                        OAuth2ErrorCodes.INVALID_GRANT,
                        "the refresh token was already used; its family is now revoked");
            }
            case RefreshTokens.Rejected rejected -> throw error(OAuth2ErrorCodes.INVALID_GRANT, rejected.reason());
            case RefreshTokens.ScopeRejected rejected -> throw error(OAuth2ErrorCodes.INVALID_SCOPE, rejected.reason());
        };
    }

    private Authentication tokens(
            RegisteredClient registered,
            OAuth2ClientAuthenticationToken client,
            RefreshTokens.Rotated rotated,
            @Nullable List<String> requested,
            @Nullable String clientId) {
        Set<String> scopes = new LinkedHashSet<>(
                requested != null ? requested : List.of(rotated.scope().split(" ")));
        AccessTokens.Minted minted = issuer.memberAccess(rotated.memberId(), scopes, clientId);
        refreshTokens.recordAccess(rotated.familyId(), minted);
        var access = new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER, minted.value(), minted.issuedAt(), minted.expiresAt(), scopes);
        var refresh = new OAuth2RefreshToken(
                rotated.refreshToken(), minted.issuedAt(), minted.issuedAt().plus(properties.refreshTtl()));
        return new OAuth2AccessTokenAuthenticationToken(
                registered, client, access, refresh, Map.of(Claims.MEMBER_ID, rotated.memberId()));
    }

    static OAuth2AuthenticationException error(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
    }
}
