package io.unimember.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

class SecurityConfigurationTests {

    @Test
    void keysThatCannotBeFetchedAreOurOutageNotABadTokenAndNothingIsRemembered() {
        // nothing listens on port 1: the fetch is refused at once
        var properties = new SecurityProperties(
                TestTokens.ISSUER,
                "unimember",
                "http://127.0.0.1:1/oauth2/jwks",
                List.of(),
                Duration.ofMinutes(5),
                100);
        JwtDecoder decoder = new SecurityConfiguration().jwtDecoder(properties);
        String token = TestTokens.member("m-1");

        JwtException failure = catchThrowableOfType(JwtException.class, () -> decoder.decode(token));

        // a BadJwtException would be a 401 telling the client to drop a good token; this one becomes a 503
        assertThat(failure).isNotNull().isNotInstanceOf(BadJwtException.class);
        assertThat(decoder).isInstanceOf(VerifiedTokenCache.class);
        assertThat(((VerifiedTokenCache) decoder).size()).isZero();
    }
}
