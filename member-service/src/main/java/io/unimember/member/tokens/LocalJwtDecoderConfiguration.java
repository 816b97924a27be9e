package io.unimember.member.tokens;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.unimember.common.security.SecurityConfiguration;
import io.unimember.common.security.SecurityProperties;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * member-service checks its own tokens against the keys it holds in memory, not by fetching its own JWKS over
 * HTTP. RS256 only, so {@code alg:none} and HS256-signed-with-the-public-key fail; issuer, audience and expiry are
 * the checks every service applies ({@link SecurityConfiguration#validator}). Verified tokens are remembered until
 * they expire or their key retires ({@link VerifiedTokens}).
 */
@Configuration(proxyBeanMethods = false)
class LocalJwtDecoderConfiguration {

    @Bean
    JwtDecoder jwtDecoder(
            SigningKeys keys,
            RevokedAccessTokens revoked,
            SecurityProperties properties,
            Clock clock,
            TokenProperties tokens) {
        JWKSource<SecurityContext> source = (selector, context) -> {
            List<JWK> found = selector.select(keys.ring().jwkSet());
            if (found.isEmpty()) {
                keys.reloadForUnknownKid();
                found = selector.select(keys.ring().jwkSet());
            }
            return found;
        };
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, source));
        // Spring's validators below check the claims, with the same rules as every other service.
        processor.setJWTClaimsSetVerifier((claims, context) -> {});
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(SecurityConfiguration.validator(properties));
        return new VerifiedTokens(decoder, keys, revoked::isRevoked, clock, tokens.verifiedCacheSize());
    }
}
