package io.unimember.tier;

import io.unimember.common.security.SecurityConfiguration;
import io.unimember.common.security.SecurityProperties;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestClock;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * Tier-service whole, against the real database and Kafka, with a {@link TestClock} as the clock. Every test
 * class uses this one configuration, so they share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@IntegrationTest
@Import(TierIntegrationTest.TestBeans.class)
public @interface TierIntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    class TestBeans {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }

        /**
         * common's decoder with more patient JWK set fetching: Nimbus' default 500 ms read timeout fails the first
         * request now and then on a loaded 2-core box (reported to common). Same JWK set, same validation.
         */
        @Bean
        JwtDecoder jwtDecoder(SecurityProperties properties) {
            SimpleClientHttpRequestFactory http = new SimpleClientHttpRequestFactory();
            http.setConnectTimeout(5_000);
            http.setReadTimeout(10_000);
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwksUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256)
                    .restOperations(new RestTemplate(http))
                    .build();
            decoder.setJwtValidator(SecurityConfiguration.validator(properties));
            return decoder;
        }
    }
}
