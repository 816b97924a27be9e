package io.unimember.member.tokens;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens that passed full verification, so a client presenting the same token again (every lookup of a
 * session) skips the RSA check and the claim parsing. A remembered token is used only while it is unexpired and
 * its signing key is still published: retiring a key rejects its tokens at once, cached or not. Tokens that fail
 * are never remembered.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder delegate;
    private final SigningKeys keys;
    private final Clock clock;
    private final int maxEntries;
    private final Predicate<String> revoked;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    /** @param revoked whether a token id ({@code jti}) was revoked (its member logged out) */
    VerifiedTokens(JwtDecoder delegate, SigningKeys keys, Predicate<String> revoked, Clock clock, int maxEntries) {
        this.delegate = delegate;
        this.keys = keys;
        this.revoked = revoked;
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Jwt known = verified.get(token);
        if (known != null) {
            if (stillGood(known, now)) {
                return notRevoked(known);
            }
            verified.remove(token);
        }
        Jwt jwt = notRevoked(delegate.decode(token));
        if (maxEntries > 0) {
            makeRoom(now);
            verified.put(token, jwt);
        }
        return jwt;
    }

    private Jwt notRevoked(Jwt jwt) {
        if (jwt.getId() != null && revoked.test(jwt.getId())) {
            throw new BadJwtException("the token was revoked (its holder signed out)");
        }
        return jwt;
    }

    int size() {
        return verified.size();
    }

    private boolean stillGood(Jwt jwt, Instant now) {
        Object kid = jwt.getHeaders().get("kid");
        return jwt.getExpiresAt() != null
                && jwt.getExpiresAt().isAfter(now)
                && kid instanceof String name
                && keys.ring().publicKeys().containsKey(name);
    }

    private void makeRoom(Instant now) {
        if (verified.size() < maxEntries) {
            return;
        }
        verified.values().removeIf(jwt -> !stillGood(jwt, now));
        if (verified.size() >= maxEntries) {
            verified.clear(); // crude but bounded: the next requests verify again
        }
    }
}
