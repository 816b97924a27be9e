package io.unimember.member.tokens;

import java.time.Instant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationToken;

/**
 * RFC 7009 revocation. A client revokes its own tokens: a refresh token takes its whole family with it (and the
 * family's live access tokens); an access token is refused everywhere from then on (the logout path: MySQL, then the
 * gateways over Redis). Unknown, invalid or another client's tokens are answered 200 like any other and left alone,
 * so the endpoint tells nobody whether a token they hold is live.
 */
final class Revocation implements AuthenticationProvider {

    private final JwtDecoder decoder;
    private final RefreshTokens refreshTokens;
    private final RevokedAccessTokens revokedAccess;

    Revocation(JwtDecoder decoder, RefreshTokens refreshTokens, RevokedAccessTokens revokedAccess) {
        this.decoder = decoder;
        this.refreshTokens = refreshTokens;
        this.revokedAccess = revokedAccess;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2TokenRevocationAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var request = (OAuth2TokenRevocationAuthenticationToken) authentication;
        if (!(request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client)
                || !client.isAuthenticated()
                || client.getRegisteredClient() == null) {
            throw RefreshGrant.error(OAuth2ErrorCodes.INVALID_CLIENT, "client authentication failed");
        }
        String requester = client.getRegisteredClient().getClientId();
        String token = request.getToken();
        if (token.startsWith(RefreshTokens.PREFIX)) {
            String familyClient = ClientRegistrations.FIRST_PARTY.equals(requester) ? null : requester;
            refreshTokens.revoke(token, null, familyClient, "REVOKED");
        } else {
            revokeAccess(token, requester);
        }
        Instant now = Instant.now();
        return new OAuth2TokenRevocationAuthenticationToken(
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, now, now.plusSeconds(1)), client);
    }

    private void revokeAccess(String token, String requester) {
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException invalidAlready) {
            return;
        }
        if (requester.equals(Introspection.clientOf(jwt))
                && jwt.getId() != null
                && jwt.getExpiresAt() != null
                && jwt.getSubject() != null) {
            revokedAccess.revoke(jwt.getId(), jwt.getSubject(), jwt.getExpiresAt());
        }
    }
}
