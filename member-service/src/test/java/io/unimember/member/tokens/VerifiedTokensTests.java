package io.unimember.member.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

class VerifiedTokensTests {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private final JwtDecoder delegate = mock(JwtDecoder.class);
    private final SigningKeys keys = mock(SigningKeys.class);

    private static final KeyRing K1_PUBLISHED =
            KeyRing.of(null, Map.of("k1", (RSAPublicKey) KeyCodec.generate().getPublic()));

    @BeforeEach
    void keys() {
        when(keys.ring()).thenReturn(K1_PUBLISHED);
    }

    @Test
    void aTokenVerifiedOnceIsNotVerifiedAgainUntilItExpires() {
        when(delegate.decode("t")).thenReturn(jwt("k1", NOW.plusSeconds(60)));
        VerifiedTokens tokens = new VerifiedTokens(delegate, keys, jti -> false, Clock.fixed(NOW, ZoneOffset.UTC), 10);

        tokens.decode("t");
        tokens.decode("t");

        verify(delegate, times(1)).decode("t");
    }

    @Test
    void anExpiredOrRetiredKeysTokenIsVerifiedAgainAndSoRejected() {
        when(delegate.decode("t")).thenReturn(jwt("k1", NOW.plusSeconds(60)));
        VerifiedTokens early = new VerifiedTokens(delegate, keys, jti -> false, Clock.fixed(NOW, ZoneOffset.UTC), 10);
        early.decode("t");

        when(delegate.decode(anyString())).thenThrow(new JwtException("rejected"));
        when(keys.ring()).thenReturn(KeyRing.of(null, Map.of()));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> early.decode("t"))
                .isInstanceOf(JwtException.class);
        assertThat(early.size()).isZero();
    }

    @Test
    void rejectedTokensAreNotRememberedAndTheCacheStaysBounded() {
        when(delegate.decode("bad")).thenThrow(new JwtException("bad"));
        when(delegate.decode(org.mockito.ArgumentMatchers.startsWith("ok")))
                .thenAnswer(i -> jwt("k1", NOW.plusSeconds(60)));
        VerifiedTokens tokens = new VerifiedTokens(delegate, keys, jti -> false, Clock.fixed(NOW, ZoneOffset.UTC), 3);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tokens.decode("bad"));
        for (int i = 0; i < 10; i++) {
            tokens.decode("ok" + i);
        }

        assertThat(tokens.size()).isLessThanOrEqualTo(3);
    }

    private static Jwt jwt(String kid, Instant expiresAt) {
        return Jwt.withTokenValue("t")
                .header("kid", kid)
                .header("alg", "RS256")
                .subject("m")
                .issuedAt(expiresAt.minusSeconds(900))
                .expiresAt(expiresAt)
                .build();
    }
}
