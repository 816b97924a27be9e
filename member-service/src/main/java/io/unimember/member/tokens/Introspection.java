package io.unimember.member.tokens;

import io.unimember.common.security.Claims;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;

/**
 * RFC 7662 introspection for an authenticated client (a resource server, or an app checking its own tokens). An
 * access token is active when member-service itself would accept it: signature, issuer, audience, expiry, not
 * revoked (a logout, a revocation, a reused refresh family). A refresh token is active while its family is; only
 * the client holding it may ask.
 */
final class Introspection implements AuthenticationProvider {

    private final JwtDecoder decoder;
    private final RefreshTokens refreshTokens;
    private final Clock clock;

    Introspection(JwtDecoder decoder, RefreshTokens refreshTokens, Clock clock) {
        this.decoder = decoder;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2TokenIntrospectionAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var request = (OAuth2TokenIntrospectionAuthenticationToken) authentication;
        if (!(request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client)
                || !client.isAuthenticated()
                || client.getRegisteredClient() == null) {
            throw RefreshGrant.error(OAuth2ErrorCodes.INVALID_CLIENT, "client authentication failed");
        }
        String token = request.getToken();
        OAuth2TokenIntrospection claims = token.startsWith(RefreshTokens.PREFIX)
                ? refresh(token, client.getRegisteredClient().getClientId())
                : access(token);
        return new OAuth2TokenIntrospectionAuthenticationToken(token, client, claims);
    }

    private OAuth2TokenIntrospection access(String token) {
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException invalid) {
            return inactive();
        }
        var builder = OAuth2TokenIntrospection.builder(true).tokenType("Bearer");
        // the tokens member-service signs all have a subject and an id; like the claims below, told when present
        String subject = jwt.getSubject();
        if (subject != null) {
            builder.subject(subject);
        }
        String client = clientOf(jwt);
        if (client != null) {
            builder.clientId(client);
        }
        builder.scope(String.valueOf(jwt.getClaimAsString(Claims.SCOPE)))
                .audiences(a -> a.addAll(jwt.getAudience() != null ? jwt.getAudience() : List.of()));
        String id = jwt.getId();
        if (id != null) {
            builder.id(id);
        }
        if (jwt.getIssuer() != null) {
            builder.issuer(jwt.getIssuer().toString());
        }
        if (jwt.getIssuedAt() != null) {
            builder.issuedAt(jwt.getIssuedAt());
        }
        if (jwt.getExpiresAt() != null) {
            builder.expiresAt(jwt.getExpiresAt());
        }
        for (String claim : List.of(Claims.MEMBER_ID, Claims.BU, Claims.MERCHANT_ID)) {
            String value = jwt.getClaimAsString(claim);
            if (value != null) {
                builder.claim(claim, value);
            }
        }
        return builder.build();
    }

    private OAuth2TokenIntrospection refresh(String token, String requester) {
        var stored = refreshTokens.find(token).orElse(null);
        if (stored == null) {
            return inactive();
        }
        String holder = Objects.requireNonNullElse(stored.clientId(), ClientRegistrations.FIRST_PARTY);
        if (!requester.equals(holder)
                || stored.usedAt() != null
                || stored.familyRevokedAt() != null
                || !stored.expiresAt().isAfter(clock.instant())) {
            return inactive();
        }
        return OAuth2TokenIntrospection.builder(true)
                .tokenType("refresh_token")
                .clientId(holder)
                .subject(stored.memberId())
                .scope(stored.scope())
                .expiresAt(stored.expiresAt())
                .claim(Claims.MEMBER_ID, stored.memberId())
                .build();
    }

    /**
     * The client a token was issued to: the app a member authorized, the first-party app for a phone login's, the
     * client itself for client credentials; none for a token with none of these claims.
     */
    static @Nullable String clientOf(Jwt jwt) {
        String app = jwt.getClaimAsString(TokenIssuer.AUTHORIZED_PARTY);
        if (app != null) {
            return app;
        }
        return jwt.getClaimAsString(Claims.MEMBER_ID) != null ? ClientRegistrations.FIRST_PARTY : jwt.getSubject();
    }

    private static OAuth2TokenIntrospection inactive() {
        return OAuth2TokenIntrospection.builder(false).build();
    }
}
