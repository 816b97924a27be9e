package io.unimember.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** A signed-out member's token is refused at the gateway although its signature and expiry are still good. */
class LogoutTests extends GatewayTestSupport {

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void aLogoutThroughThisGatewayRefusesTheTokenOnTheVeryNextRequest() {
        String token = TestTokens.member("m-" + UUID.randomUUID());
        assertThat(status(token)).isEqualTo(HttpStatus.OK);

        client.post()
                .uri("/api/v1/members/me/logout")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .is2xxSuccessful();

        assertThat(status(token)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(TestTokens.member("m-" + UUID.randomUUID()))).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aLogoutAnnouncedOnTheStreamReachesThisGatewayWithinSeconds() throws Exception {
        String token = TestTokens.member("m-" + UUID.randomUUID());
        assertThat(status(token)).isEqualTo(HttpStatus.OK); // verified and cached first
        var claims = SignedJWT.parse(token).getJWTClaimsSet();

        redis.opsForStream()
                .add(
                        "unimember:revoked-tokens",
                        Map.of(
                                "jti",
                                claims.getJWTID(),
                                "expires",
                                Long.toString(claims.getExpirationTime().getTime())))
                .block(Duration.ofSeconds(30));

        // polled about once a second: these tests' member rate limit (burst 5, ~1/s) must not answer for the gateway,
        // and a 429 meanwhile only means "not yet"
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(1_100))
                .until(() -> status(token) == HttpStatus.UNAUTHORIZED);
    }

    private HttpStatus status(String token) {
        return HttpStatus.valueOf(client.get()
                .uri("/api/v1/members/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .returnResult(byte[].class)
                .getStatus()
                .value());
    }
}
