package io.unimember.member.tokens;

import io.jsonwebtoken.Jwts;
import io.unimember.common.security.Claims;
import io.unimember.common.security.SecurityProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Mints RS256 access tokens with the design's claims under the active signing key. */
@Component
class AccessTokens {

    private final SigningKeys keys;
    private final SecurityProperties security;
    private final Clock clock;

    AccessTokens(SigningKeys keys, SecurityProperties security, Clock clock) {
        this.keys = keys;
        this.security = security;
        this.clock = clock;
    }

    /** A signed token and what its holder and the revocation records need to know of it. */
    record Minted(String value, long expiresIn, String scope, String jti, Instant issuedAt, Instant expiresAt) {}

    Minted mint(String subject, Collection<String> scopes, Map<String, String> extraClaims, Duration ttl) {
        KeyRing.Signing signing = keys.signing();
        Instant now = clock.instant();
        String scope = String.join(" ", scopes);
        String jti = UUID.randomUUID().toString();
        Instant expiresAt = now.plus(ttl);
        String token = Jwts.builder()
                .header()
                .keyId(signing.kid())
                .type("JWT")
                .and()
                .issuer(security.issuer())
                .subject(subject)
                .audience()
                .add(security.audience())
                .and()
                .issuedAt(Date.from(now))
                .expiration(Date.from(expiresAt))
                .id(jti)
                .claim(Claims.SCOPE, scope)
                .claims(extraClaims)
                .signWith(signing.privateKey(), Jwts.SIG.RS256)
                .compact();
        return new Minted(token, ttl.toSeconds(), scope, jti, now, expiresAt);
    }
}
