package io.unimember.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The claim checks behind the signature check, and what happens when no check is possible. */
class TokenValidationTests {

    private final OAuth2TokenValidator<Jwt> validator = AuthConfiguration.validator(new SecurityProperties(
            "http://issuer",
            "unimember",
            "http://jwks",
            Duration.ofMinutes(5),
            Duration.ofSeconds(10),
            10,
            Duration.ofSeconds(60),
            Duration.ofSeconds(1)));

    @Test
    void acceptsTheRightIssuerAudienceAndALiveExpiry() {
        assertThat(validator.validate(jwt().build()).hasErrors()).isFalse();
    }

    @Test
    void refusesATokenWithoutExpiry() {
        Jwt noExpiry = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .issuer("http://issuer")
                .audience(List.of("unimember"))
                .subject("s")
                .build();

        assertThat(validator.validate(noExpiry).hasErrors()).isTrue();
    }

    @Test
    void refusesAnotherIssuerOrAudience() {
        assertThat(validator.validate(jwt().issuer("http://evil").build()).hasErrors())
                .isTrue();
        assertThat(validator.validate(jwt().audience(List.of("other")).build()).hasErrors())
                .isTrue();
    }

    @Test
    void answersUnavailableRatherThanUnauthorizedWhenKeysCannotBeFetched() {
        TokenVerifier unreachable =
                new TokenVerifier(token -> Mono.error(new IllegalStateException("Could not obtain the keys")), 10);
        AuthenticationFilter filter = new AuthenticationFilter(
                new AccessRules(),
                unreachable,
                new RevokedTokens(org.mockito.Mockito.mock(
                        org.springframework.data.redis.core.ReactiveStringRedisTemplate.class)));
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/v1/tiers").header("Authorization", "Bearer a.b.c"));

        StepVerifier.create(filter.filter(exchange, e -> Mono.error(new AssertionError("must not route"))))
                .expectError(TokenCheckUnavailableException.class)
                .verify(Duration.ofSeconds(5));
    }

    private static Jwt.Builder jwt() {
        return Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .issuer("http://issuer")
                .audience(List.of("unimember"))
                .subject("s")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(600));
    }
}
