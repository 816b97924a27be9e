package io.unimember.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.unimember.testsupport.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class VerifiedTokenCacheTests {

    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final Duration KEYS_TTL = Duration.ofMinutes(5);
    private static final RSAKey KEY = generate("k1");
    private static final RSAKey OTHER_KEY = generate("k2");

    private final TestClock clock = TestClock.at(START);
    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicReference<JwtDecoder> trusted = new AtomicReference<>(decoderTrusting(KEY, Duration.ZERO));

    /** Real RS256 verification, counted; {@link #trusted} can be swapped as a key rotation would. */
    private final JwtDecoder delegate = token -> {
        verifications.incrementAndGet();
        return trusted.get().decode(token);
    };

    @Test
    void aTokenPresentedAgainIsNotVerifiedAgain() {
        VerifiedTokenCache cache = new VerifiedTokenCache(delegate, KEYS_TTL, 100, clock);
        String token = sign(KEY, "member-1", START.plus(Duration.ofHours(1)));

        Jwt first = cache.decode(token);
        clock.advance(Duration.ofMinutes(1));
        Jwt second = cache.decode(token);

        assertThat(verifications).hasValue(1);
        assertThat(second.getSubject()).isEqualTo("member-1");
        assertThat(second.getTokenValue()).isEqualTo(first.getTokenValue()).isEqualTo(token);
    }

    @Test
    void anExpiredTokenIsVerifiedAgainAndRefused() {
        VerifiedTokenCache cache = new VerifiedTokenCache(delegate, KEYS_TTL, 100, clock);
        String token = sign(KEY, "member-1", START.plus(Duration.ofMinutes(1)));
        cache.decode(token);

        clock.advance(Duration.ofSeconds(61));

        assertThatThrownBy(() -> cache.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(verifications).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aTokenIsTrustedNoLongerThanTheKeySetSoARetiredKeysTokenIsRefusedAfterThatTime() {
        VerifiedTokenCache cache = new VerifiedTokenCache(delegate, KEYS_TTL, 100, clock);
        String token = sign(KEY, "member-1", START.plus(Duration.ofHours(1)));
        cache.decode(token);
        trusted.set(decoderTrusting(OTHER_KEY, Duration.ZERO)); // k1 retired: only k2 is published now

        clock.advance(KEYS_TTL.minusSeconds(1));
        assertThat(cache.decode(token).getSubject()).isEqualTo("member-1");
        assertThat(verifications).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> cache.decode(token)).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenThatFailsIsVerifiedEveryTimeAndFailsTheSameWay() {
        VerifiedTokenCache cache = new VerifiedTokenCache(delegate, KEYS_TTL, 100, clock);
        String forged = sign(OTHER_KEY, "member-1", START.plus(Duration.ofHours(1)));

        BadJwtException first = catchThrowableOfType(BadJwtException.class, () -> cache.decode(forged));
        BadJwtException second = catchThrowableOfType(BadJwtException.class, () -> cache.decode(forged));
        BadJwtException direct =
                catchThrowableOfType(BadJwtException.class, () -> trusted.get().decode(forged));

        assertThat(verifications).hasValue(2);
        assertThat(first).isNotNull().hasSameClassAs(direct).hasMessage(direct.getMessage());
        assertThat(second).isNotNull().hasSameClassAs(direct).hasMessage(direct.getMessage());
        assertThat(cache.size()).isZero();
    }

    @Test
    void aTokenDifferingOnlyInTheLastCharacterOfItsSignatureIsNotTakenForTheRememberedOne() {
        VerifiedTokenCache cache = new VerifiedTokenCache(delegate, KEYS_TTL, 100, clock);
        String token = sign(KEY, "member-1", START.plus(Duration.ofHours(1)));
        String tampered = token.substring(0, token.length() - 1) + flipHighBit(token.charAt(token.length() - 1));
        cache.decode(token);

        assertThatThrownBy(() -> cache.decode(tampered))
                .isInstanceOf(BadJwtException.class)
                .hasMessageContaining("signature");
        assertThatThrownBy(() -> cache.decode(tampered)).isInstanceOf(BadJwtException.class);
        assertThat(cache.decode(token).getSubject()).isEqualTo("member-1");
        assertThat(verifications).hasValue(3);
    }

    @Test
    void aTokenAcceptedWithinTheValidatorsClockSkewButPastItsExpiryIsNotRemembered() {
        trusted.set(decoderTrusting(KEY, Duration.ofSeconds(60)));
        VerifiedTokenCache cache = new VerifiedTokenCache(delegate, KEYS_TTL, 100, clock);
        String token = sign(KEY, "member-1", START);
        clock.advance(Duration.ofSeconds(30));

        cache.decode(token);
        cache.decode(token);

        assertThat(verifications).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aCacheOfSizeZeroVerifiesEveryTime() {
        VerifiedTokenCache cache = new VerifiedTokenCache(delegate, KEYS_TTL, 0, clock);
        String token = sign(KEY, "member-1", START.plus(Duration.ofHours(1)));

        for (int i = 0; i < 3; i++) {
            assertThat(cache.decode(token).getSubject()).isEqualTo("member-1");
        }

        assertThat(verifications).hasValue(3);
        assertThat(cache.size()).isZero();
    }

    @Test
    void theCacheNeverHoldsMoreThanItsBound() {
        VerifiedTokenCache cache = new VerifiedTokenCache(delegate, KEYS_TTL, 3, clock);

        for (int i = 0; i < 10; i++) {
            cache.decode(sign(KEY, "member-" + i, START.plus(Duration.ofHours(1))));
            assertThat(cache.size()).isBetween(1, 3);
        }
        assertThat(verifications).hasValue(10);
    }

    @Test
    void aNegativeSizeIsRefused() {
        assertThatThrownBy(() -> new VerifiedTokenCache(delegate, KEYS_TTL, -1, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private NimbusJwtDecoder decoderTrusting(RSAKey key, Duration clockSkew) {
        try {
            NimbusJwtDecoder decoder =
                    NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
            JwtTimestampValidator timestamps = new JwtTimestampValidator(clockSkew);
            timestamps.setClock(clock);
            decoder.setJwtValidator(timestamps);
            return decoder;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(RSAKey key, String subject, Instant expiresAt) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    new JWTClaimsSet.Builder()
                            .subject(subject)
                            .issueTime(Date.from(expiresAt.minus(Duration.ofHours(1))))
                            .expirationTime(Date.from(expiresAt))
                            .build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last base64url character of a 256-byte signature carries two bits, in its high end: flip one of them. */
    private static char flipHighBit(char c) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return alphabet.charAt(alphabet.indexOf(c) ^ 0b100000);
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
