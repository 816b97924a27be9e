package io.unimember.member.tokens;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
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
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokens(JwtDecoder delegate, SigningKeys keys, Clock clock, int maxEntries) {
        this.delegate = delegate;
        this.keys = keys;
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Jwt known = verified.get(token);
        if (known != null) {
            if (stillGood(known, now)) {
                return known;
            }
            verified.remove(token);
        }
        Jwt jwt = delegate.decode(token);
        if (maxEntries > 0) {
            makeRoom(now);
            verified.put(token, jwt);
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
