package io.unimember.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Verifies bearer tokens, and remembers each verified one by its hash until the moment it expires, so a client's
 * repeated token skips parsing and RSA verification. An entry never outlives the token's {@code exp}, and tokens
 * signed by a key that leaves the JWK set are dropped at once, so revocation still works within a token's lifetime.
 */
final class TokenVerifier {

    private static final Logger log = LoggerFactory.getLogger(TokenVerifier.class);

    private final ReactiveJwtDecoder decoder;
    private final Cache<TokenKey, VerifiedToken> verified;

    TokenVerifier(ReactiveJwtDecoder decoder, long cacheSize) {
        this.decoder = decoder;
        this.verified = Caffeine.newBuilder()
                .maximumSize(cacheSize)
                .expireAfter(Expiry.creating((TokenKey key, VerifiedToken token) ->
                        Duration.ofMillis(Math.max(0, token.expiresAtMillis() - System.currentTimeMillis()))))
                .build();
    }

    /** The verification remembered for this token, if it has not expired. */
    @Nullable
    VerifiedToken cached(String token) {
        VerifiedToken hit = verified.getIfPresent(TokenKey.of(token));
        return hit != null && hit.expiresAtMillis() > System.currentTimeMillis() ? hit : null;
    }

    /**
     * Fully verifies a token: empty when it is invalid (signature, algorithm, issuer, audience, expiry); an error
     * when it cannot be checked now (the JWK set is unreachable).
     */
    Mono<Optional<VerifiedToken>> verify(String token) {
        return decoder.decode(token)
                .map(jwt -> {
                    VerifiedToken result = VerifiedToken.from(jwt);
                    if (result.expiresAtMillis() > System.currentTimeMillis()) {
                        verified.put(TokenKey.of(token), result);
                    }
                    return Optional.of(result);
                })
                .onErrorResume(JwtException.class, e -> {
                    log.debug("rejected a bearer token: {}", e.getMessage());
                    return Mono.just(Optional.empty());
                });
    }

    /** Forgets every verification made with these keys: they were revoked. */
    void forgetKeys(Set<String> keyIds) {
        verified.asMap().values().removeIf(token -> token.keyId() != null && keyIds.contains(token.keyId()));
    }
}
