package io.unimember.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.unimember.testsupport.TestTokens;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.handler.DefaultWebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Not a test (its name keeps it out of the suite): the CPU one authenticated request costs in the gateway's token
 * check (issue #33, decision 0063), the {@link AuthenticationFilter} as built against Spring Security's reactive
 * resource server doing the same job — {@code ServerHttpSecurity.oauth2ResourceServer().jwt()} with a
 * {@link NimbusReactiveJwtDecoder} (which keeps the JWK set but verifies every token) — and against that chain with
 * the decoder remembering verified tokens as {@link TokenVerifier} does. Each variant runs the same request through
 * the same rules ({@link AccessRules}) to the same empty handler; a chain with no check at all is the baseline.
 * Figures are process CPU (every thread, so the JIT and GC count too) over {@value #REQUESTS} sequential requests,
 * best of five rounds after warm-up. {@code ./mvnw -o verify -pl gateway -Dtest=TokenCheckBench
 * -Dsurefire.failIfNoSpecifiedTests=false}; figures on standard out.
 */
class TokenCheckBench {

    private static final int REQUESTS = 50_000;
    private static final int MEMBERS = 1_000;
    private static final String PATH = "/api/v1/members/me/entitlements";

    private final AccessRules rules = new AccessRules();
    private final List<String> tokens = tokens();
    private final WebHandler ok = exchange -> {
        exchange.getResponse().setStatusCode(HttpStatus.OK);
        return exchange.getResponse().setComplete();
    };

    @Test
    void authenticationFilterAgainstSpringSecuritysResourceServer() {
        ReactiveJwtDecoder nimbus = decoder();
        TokenVerifier verifier = new TokenVerifier(nimbus, 100_000);
        RevokedTokens revoked = new RevokedTokens(Mockito.mock(ReactiveStringRedisTemplate.class));
        WebFilter ours = new AuthenticationFilter(rules, verifier, revoked);
        WebFilter springSecurity = springSecurity(nimbus);
        WebFilter springSecurityCached = springSecurity(remembering(nimbus));
        WebFilter none = (exchange, chain) -> chain.filter(exchange);

        List<String> lines = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            boolean warmUp = round == 0;
            String line = String.format(
                    Locale.ROOT,
                    "round %d: no check %.1f µs, AuthenticationFilter %.1f µs, Spring Security resource server %.1f"
                            + " µs, the same with verified tokens remembered %.1f µs",
                    round,
                    measure(none),
                    measure(ours),
                    measure(springSecurity),
                    measure(springSecurityCached));
            if (!warmUp) {
                lines.add(line);
            }
            System.out.println(line);
        }
        assertThat(lines).hasSize(5);
    }

    /** CPU µs per request, all threads. */
    private double measure(WebFilter check) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        for (int i = 0; i < REQUESTS; i++) {
            ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(PATH)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.get(i % MEMBERS)));
            new DefaultWebFilterChain(ok, List.of(check)).filter(exchange).block();
            if (exchange.getResponse().getStatusCode() != HttpStatus.OK) {
                throw new IllegalStateException(
                        "refused: " + exchange.getResponse().getStatusCode());
            }
        }
        return (os.getProcessCpuTime() - cpu0) / 1_000.0 / REQUESTS;
    }

    /** Spring Security's reactive resource server, deciding with the gateway's own rules. */
    private WebFilter springSecurity(ReactiveJwtDecoder decoder) {
        ServerHttpSecurity http = ServerHttpSecurity.http();
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(
                        org.springframework.security.web.server.context.NoOpServerSecurityContextRepository
                                .getInstance())
                .authorizeExchange(
                        exchanges -> exchanges.anyExchange().access((authentication, context) -> authentication
                                .filter(JwtAuthenticationToken.class::isInstance)
                                .<AuthorizationResult>map(auth -> {
                                    Access access = rules.accessFor(
                                            context.getExchange().getRequest().getMethod(),
                                            context.getExchange()
                                                    .getRequest()
                                                    .getPath()
                                                    .pathWithinApplication());
                                    return new AuthorizationDecision(access.allows(
                                            VerifiedToken.from(((JwtAuthenticationToken) auth).getToken())));
                                })
                                .defaultIfEmpty(new AuthorizationDecision(false))))
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtDecoder(decoder)));
        return new WebFilterChainProxy(http.build());
    }

    /** A decoder that verifies a token once and answers from memory until it expires, as {@link TokenVerifier}. */
    private static ReactiveJwtDecoder remembering(ReactiveJwtDecoder decoder) {
        Cache<TokenKey, Jwt> verified = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(Duration.ofMinutes(10))
                .build();
        return token -> {
            TokenKey key = TokenKey.of(token);
            Jwt hit = verified.getIfPresent(key);
            return hit != null ? Mono.just(hit) : decoder.decode(token).doOnNext(jwt -> verified.put(key, jwt));
        };
    }

    /** The gateway's decoder, with its validator, over the test key held in memory. */
    private static ReactiveJwtDecoder decoder() {
        JWKSet keys = new JWKSet(new RSAKey.Builder(TestTokens.publicKey())
                .keyID(TestTokens.KID)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build());
        Function<com.nimbusds.jwt.SignedJWT, Flux<com.nimbusds.jose.jwk.JWK>> source =
                jwt -> Flux.fromIterable(keys.getKeys());
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(source)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(AuthConfiguration.validator(new SecurityProperties(
                TestTokens.ISSUER,
                "unimember",
                "http://127.0.0.1:1/unused",
                Duration.ofMinutes(5),
                Duration.ofSeconds(10),
                100_000,
                Duration.ofSeconds(60),
                Duration.ofSeconds(1))));
        return decoder;
    }

    private static List<String> tokens() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            tokens.add(TestTokens.builder()
                    .subject("m" + i)
                    .claim("member_id", "m" + i)
                    .claim("jti", "t" + i)
                    .scope("member")
                    .lifetime(Duration.ofHours(1))
                    .build());
        }
        return tokens;
    }
}
