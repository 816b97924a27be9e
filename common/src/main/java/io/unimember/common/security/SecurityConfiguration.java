package io.unimember.common.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every MVC service is an OAuth2 resource server and checks the JWT itself: RS256 only (so {@code alg:none} and
 * HS256-with-the-public-key fail), the right issuer and audience, an expiry. The gateway is the first check, not
 * the only one. A token that passed is remembered for a while ({@link VerifiedTokenCache}), so a client that reuses
 * it is not verified again on every request.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
@EnableMethodSecurity
public class SecurityConfiguration {

    private static final String[] ALWAYS_PUBLIC = {
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/info",
        "/actuator/prometheus",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/error"
    };

    /**
     * The catch-all resource-server chain. Keyed by name, not by type: a service that serves more (member-service's
     * authorization server and sign-in pages) adds ordered chains for its own paths and keeps this one for the rest.
     */
    @Bean
    @ConditionalOnMissingBean(name = "unimemberSecurity")
    SecurityFilterChain unimemberSecurity(
            HttpSecurity http,
            SecurityProperties properties,
            ObjectProvider<AuthorizationRules> serviceRules,
            JsonMapper mapper)
            throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemSecurityHandlers.entryPoint(mapper))
                        .accessDeniedHandler(ProblemSecurityHandlers.accessDenied(mapper)))
                .oauth2ResourceServer(
                        o -> o.bearerTokenResolver(PublicPathsIgnoreTokens.resolver(publicPaths(properties)))
                                .authenticationEntryPoint(ProblemSecurityHandlers.entryPoint(mapper))
                                .accessDeniedHandler(ProblemSecurityHandlers.accessDenied(mapper))
                                .jwt(jwt -> {}))
                .addFilterBefore(new KeysUnavailableFilter(mapper), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(publicPaths(properties)).permitAll();
                    serviceRules.orderedStream().forEach(rules -> rules.configure(auth));
                    auth.requestMatchers("/api/v1/admin/**")
                            .hasAuthority(Scopes.authority(Scopes.ADMIN))
                            .requestMatchers("/api/v1/bu/**")
                            .hasAnyAuthority(Scopes.authorities(
                                    Scopes.BU_ORDERS, Scopes.BU_MEMBERS, Scopes.BU_REDEEM, Scopes.BU_CAMPAIGNS))
                            .requestMatchers("/open/v1/**")
                            .hasAnyAuthority(Scopes.authorities(Scopes.MERCHANT_MEMBERS, Scopes.MERCHANT_VERIFY))
                            .anyRequest()
                            .authenticated();
                });
        return http.build();
    }

    /** The paths served without a token: the always-public ones and the service's own. */
    public static String[] publicPaths(SecurityProperties properties) {
        List<String> open = new ArrayList<>(List.of(ALWAYS_PUBLIC));
        open.addAll(properties.publicPaths());
        return open.toArray(String[]::new);
    }

    /**
     * Spring Security's own observations are off: they wrapped each of its filters, the authentication and the
     * authorization of every request in an observation (timers, span bookkeeping), which a profile of the entitlement
     * lookup showed costing more than the lookup's own code. {@code http.server.requests} still measures and traces
     * every request, and failures are still logged and answered as problems.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** The strict firewall's rules without its per-header regular expressions ({@link PrintableFirewall}). */
    @Bean
    WebSecurityCustomizer printableFirewall() {
        return web -> web.httpFirewall(PrintableFirewall.create());
    }

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(signingKeys(properties))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator(properties));
        // The system clock, not the application's Clock bean: that one may be business time (tests move it), while
        // the validator judges exp by the system clock, and the cache must never trust a token the validator would
        // refuse.
        return new VerifiedTokenCache(
                decoder, properties.jwksCacheTtl(), properties.verifiedTokenCacheSize(), Clock.systemUTC());
    }

    /**
     * member-service's JWK set, fetched again after {@code jwksCacheTtl} (or at once for an unknown key id): what
     * Spring's {@code withJwkSetUri} builds, but with our time to live, which it takes only as a Spring
     * {@code Cache}, and none on our classpath expires entries.
     */
    private static JWKSource<SecurityContext> signingKeys(SecurityProperties properties) {
        // Nimbus's own defaults (500 ms) fail under load; a fetch is rare (keys are cached), so allow it time.
        var fetch = new DefaultResourceRetriever(2_000, 5_000, JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT);
        try {
            return JWKSourceBuilder.create(URI.create(properties.jwksUri()).toURL(), fetch)
                    .cache(properties.jwksCacheTtl().toMillis(), JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
                    .refreshAheadCache(false)
                    .rateLimited(false)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("unimember.security.jwks-uri is not a URL: " + properties.jwksUri(), e);
        }
    }

    /** Issuer, audience, expiry and not-before: the checks every Unimember token must pass, wherever it is decoded. */
    public static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
        OAuth2TokenValidator<Jwt> audience =
                jwt -> jwt.getAudience() != null && jwt.getAudience().contains(properties.audience())
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "wrong audience", null));
        OAuth2TokenValidator<Jwt> expiry = jwt -> jwt.getExpiresAt() != null
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "no expiry", null));
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()), audience, expiry);
    }
}
