package io.unimember.common.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens that passed full verification, so a client presenting the same token again (a business unit's
 * client reuses one for thousands of calls) skips the parsing and the RSA check.
 *
 * <p>A remembered token is used only while it is unexpired and for at most {@code trustFor} after it was verified,
 * which is the JWK set cache's time to live: a signing key that member-service stops publishing is distrusted only
 * when the key set is fetched again, so a remembered token is held to the same limit and not trusted for longer
 * than a fresh verification would trust it. (The set used may itself be up to one time to live old, so a retired
 * key's tokens are refused at most twice that after it is retired, against once without this cache.) Tokens are
 * looked up by their whole text, so two tokens never share an entry. Tokens that fail are never remembered: each
 * attempt is verified again and fails with the delegate's own exception.
 */
public final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Duration trustFor;
    private final int maxEntries;
    private final Clock clock;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(Jwt jwt, Instant trustedUntil) {}

    /** @param maxEntries how many tokens to remember at most; 0 verifies every token every time */
    public VerifiedTokenCache(JwtDecoder delegate, Duration trustFor, int maxEntries, Clock clock) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must not be negative: " + maxEntries);
        }
        this.delegate = delegate;
        this.trustFor = trustFor;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        if (maxEntries == 0) {
            return delegate.decode(token);
        }
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null) {
            if (now.isBefore(known.trustedUntil())) {
                return known.jwt();
            }
            verified.remove(token, known);
        }
        Jwt jwt = delegate.decode(token);
        remember(token, jwt, now);
        return jwt;
    }

    int size() {
        return verified.size();
    }

    private void remember(String token, Jwt jwt, Instant verifiedAt) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return; // nothing says when to stop trusting it
        }
        Instant trustedUntil = earlier(expiresAt, verifiedAt.plus(trustFor));
        if (!verifiedAt.isBefore(trustedUntil)) {
            return; // accepted within the validator's clock skew, but already past exp: never reuse it
        }
        makeRoom(verifiedAt);
        verified.put(token, new Verified(jwt, trustedUntil));
    }

    private void makeRoom(Instant now) {
        if (verified.size() < maxEntries) {
            return;
        }
        verified.values().removeIf(entry -> !now.isBefore(entry.trustedUntil()));
        if (verified.size() >= maxEntries) {
            verified.clear(); // crude but bounded: the next requests verify again
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
