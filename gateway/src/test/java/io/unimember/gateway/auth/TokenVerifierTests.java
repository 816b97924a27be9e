package io.unimember.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** The verified-token cache: a token is verified once, trusted only until it expires, forgotten when its key goes. */
class TokenVerifierTests {

    private final AtomicInteger decodes = new AtomicInteger();

    @Test
    void verifiesATokenOnceThenAnswersFromTheCache() {
        TokenVerifier verifier = new TokenVerifier(decoder(Instant.now().plusSeconds(600), "k1"), 100);

        assertThat(verifier.cached("token-a")).isNull();
        Optional<VerifiedToken> verified = verifier.verify("token-a").block();

        assertThat(verified).isPresent();
        assertThat(verifier.cached("token-a")).isEqualTo(verified.get());
        assertThat(verifier.cached("token-b")).isNull();
        assertThat(decodes).hasValue(1);
    }

    @Test
    void neverRemembersATokenPastItsExpiry() {
        TokenVerifier verifier = new TokenVerifier(decoder(Instant.now().minusSeconds(5), "k1"), 100);

        assertThat(verifier.verify("nearly-expired").block()).isPresent(); // within the clock skew
        assertThat(verifier.cached("nearly-expired")).isNull();
    }

    @Test
    void forgetsTokensSignedByARevokedKey() {
        TokenVerifier verifier = new TokenVerifier(decoder(Instant.now().plusSeconds(600), "old-key"), 100);
        verifier.verify("token-a").block();

        verifier.forgetKeys(Set.of("old-key"));

        assertThat(verifier.cached("token-a")).isNull();
    }

    @Test
    void answersEmptyForAnInvalidToken() {
        ReactiveJwtDecoder refusing = token -> Mono.error(new BadJwtException("bad signature"));
        TokenVerifier verifier = new TokenVerifier(refusing, 100);

        assertThat(verifier.verify("forged").block()).isEmpty();
        assertThat(verifier.cached("forged")).isNull();
    }

    private ReactiveJwtDecoder decoder(Instant expiresAt, String kid) {
        return token -> {
            decodes.incrementAndGet();
            return Mono.just(Jwt.withTokenValue(token)
                    .headers(h -> h.putAll(Map.of("alg", "RS256", "kid", kid)))
                    .subject("m-1")
                    .claim("member_id", "m-1")
                    .claim("scope", "member")
                    .issuedAt(expiresAt.minusSeconds(900))
                    .expiresAt(expiresAt)
                    .build());
        };
    }
}
