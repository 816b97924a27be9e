package io.unimember.gateway.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway checks tokens: the same issuer, audience and keys as every service.
 *
 * @param issuer the expected {@code iss}
 * @param audience the expected {@code aud}
 * @param jwksUri member-service's JWK set
 * @param jwksRefresh how often the JWK set is fetched again, so a removed (revoked) key stops working
 * @param jwksMinRefetch the least time between fetches caused by an unknown {@code kid} (rotation), so random kids
 *     cannot make the gateway hammer member-service
 * @param tokenCacheSize how many verified tokens are remembered (each until its own expiry)
 * @param clockSkew the leeway on {@code exp} and {@code nbf}
 * @param revocationPoll how often the stream of revoked tokens (logouts) is read
 */
@ConfigurationProperties("unimember.security")
record SecurityProperties(
        @DefaultValue("http://127.0.0.1:8080") String issuer,
        @DefaultValue("unimember") String audience,
        @DefaultValue("http://127.0.0.1:8081/oauth2/jwks") String jwksUri,
        @DefaultValue("PT5M") Duration jwksRefresh,
        @DefaultValue("PT10S") Duration jwksMinRefetch,
        @DefaultValue("100000") long tokenCacheSize,
        @DefaultValue("PT60S") Duration clockSkew,
        @DefaultValue("PT1S") Duration revocationPoll) {}
