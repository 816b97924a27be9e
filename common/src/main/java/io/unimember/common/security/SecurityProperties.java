package io.unimember.common.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service checks tokens.
 *
 * @param issuer the expected {@code iss}: the one public issuer, the gateway's URL (member-service names it in discovery)
 * @param audience the expected {@code aud}
 * @param jwksUri where the signing keys are published (member-service)
 * @param publicPaths extra paths this service serves without a token
 * @param jwksCacheTtl how long fetched keys are trusted before they are fetched again; a verified token is
 *     remembered no longer than this after it was verified
 * @param verifiedTokenCacheSize how many verified tokens to remember, so a token presented again is not parsed and
 *     its signature not checked again ({@link VerifiedTokenCache}); 0 verifies every token on every request
 */
@ConfigurationProperties("unimember.security")
public record SecurityProperties(
        @DefaultValue("http://127.0.0.1:8080") String issuer,
        @DefaultValue(Claims.AUDIENCE) String audience,
        @DefaultValue("http://127.0.0.1:8081/oauth2/jwks") String jwksUri,
        @DefaultValue List<String> publicPaths,
        @DefaultValue("PT5M") Duration jwksCacheTtl,
        @DefaultValue("10000") int verifiedTokenCacheSize) {}
