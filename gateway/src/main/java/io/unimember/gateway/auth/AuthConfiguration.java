package io.unimember.gateway.auth;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The gateway as an OAuth2 resource server: member-service's keys, RS256 only (so {@code alg:none} and HS256 signed
 * with the public key fail), the right issuer and audience, and an expiry — the same checks every service makes.
 */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

    @Bean(destroyMethod = "stop")
    RefreshingJwks signingKeys(SecurityProperties properties) {
        return new RefreshingJwks(
                WebClient.create(), properties.jwksUri(), properties.jwksRefresh(), properties.jwksMinRefetch());
    }

    @Bean
    TokenVerifier tokenVerifier(SecurityProperties properties, RefreshingJwks keys) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator(properties));
        TokenVerifier verifier = new TokenVerifier(decoder, properties.tokenCacheSize());
        keys.onKeysRemoved(verifier::forgetKeys);
        return verifier;
    }

    @Bean(destroyMethod = "stop")
    RevokedTokens revokedTokens(ReactiveStringRedisTemplate redis, SecurityProperties properties) {
        RevokedTokens revoked = new RevokedTokens(redis);
        revoked.start(properties.revocationPoll());
        return revoked;
    }

    @Bean
    AccessRules accessRules() {
        return new AccessRules();
    }

    @Bean
    AuthenticationFilter authenticationFilter(AccessRules rules, TokenVerifier verifier, RevokedTokens revoked) {
        return new AuthenticationFilter(rules, verifier, revoked);
    }

    @Bean
    CachedAdmissions cachedAdmissions(AccessRules rules, TokenVerifier verifier, RevokedTokens revoked) {
        return new CachedAdmissions(rules, verifier, revoked);
    }

    static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
        timestamps.setAllowEmptyExpiryClaim(false);
        OAuth2TokenValidator<Jwt> audience =
                jwt -> jwt.getAudience() != null && jwt.getAudience().contains(properties.audience())
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "wrong audience", null));
        return new DelegatingOAuth2TokenValidator<>(
                List.of(timestamps, new JwtIssuerValidator(properties.issuer()), audience));
    }
}
