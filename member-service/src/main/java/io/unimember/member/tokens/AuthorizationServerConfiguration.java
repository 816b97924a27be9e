package io.unimember.member.tokens;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.unimember.common.security.SecurityProperties;
import io.unimember.member.clients.Clients;
import io.unimember.member.members.Members;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2DeviceCodeAuthenticationConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2TokenExchangeAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * member-service as a Spring Authorization Server: the token endpoint (client credentials, authorization code with
 * PKCE, refresh), the authorize endpoint and its consent page, introspection, revocation, OIDC discovery, the JWKS
 * and userinfo, under the one public issuer ({@code unimember.security.issuer}, the gateway's URL). Tokens are ours
 * ({@link UnimemberTokenGenerator}, {@link RefreshGrant}), keys are ours ({@link SigningKeys}, rotation unchanged).
 * Members sign in for the authorize endpoint on {@code /login} (phone + OTP).
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    static final String LOGIN_PAGE = "/login";

    @Bean
    AuthorizationServerSettings authorizationServerSettings(SecurityProperties security) {
        return AuthorizationServerSettings.builder().issuer(security.issuer()).build();
    }

    /** The published keys (public halves, every key a live token may name): {@code /oauth2/jwks}. */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return (selector, context) -> {
            List<JWK> found = selector.select(keys.ring().jwkSet());
            if (found.isEmpty()) {
                keys.reloadForUnknownKid();
                found = selector.select(keys.ring().jwkSet());
            }
            return found;
        };
    }

    /** Signs ID tokens with the key that signs everything now. */
    @Bean
    JwtEncoder idTokenEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder((selector, context) -> {
            KeyRing.Signing signing = keys.signing();
            RSAKey key = new RSAKey.Builder(keys.ring().publicKeys().get(signing.kid()))
                    .privateKey((RSAPrivateKey) signing.privateKey())
                    .keyID(signing.kid())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
            return selector.select(new JWKSet(key));
        });
    }

    @Bean
    OAuth2AuthorizationService authorizationService(
            JdbcTemplate jdbc,
            JdbcClient jdbcClient,
            RegisteredClientRepository clients,
            RefreshTokens refreshTokens,
            Clock clock) {
        return new StoredAuthorizations(
                new JdbcOAuth2AuthorizationService(jdbc, clients), refreshTokens, jdbcClient, clock);
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(
            JdbcTemplate jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(
            HttpSecurity http,
            RegisteredClientRepository clientRepository,
            OAuth2AuthorizationService authorizations,
            OAuth2AuthorizationConsentService consents,
            AuthorizationServerSettings settings,
            JwtEncoder idTokenEncoder,
            JwtDecoder decoder,
            TokenIssuer issuer,
            RefreshTokens refreshTokens,
            RevokedAccessTokens revokedAccess,
            Clients clients,
            Members members,
            TokenProperties properties,
            Clock clock,
            JsonMapper json)
            throws Exception {
        var responses = new OAuthResponses(json);
        var generator = new UnimemberTokenGenerator(
                issuer, refreshTokens, clients, new JwtGenerator(idTokenEncoder), properties);
        var refreshGrant = new RefreshGrant(refreshTokens, issuer, properties);
        var introspection = new Introspection(decoder, refreshTokens, clock);
        var revocation = new Revocation(decoder, refreshTokens, revokedAccess);
        var userInfo = new UserInfo(members);
        var server = new OAuth2AuthorizationServerConfigurer();
        RequestMatcher endpoints = server.getEndpointsMatcher();
        // every request to member-service (the entitlement lookup too) asks this chain first: a prefix test answers
        // for all but the authorization server's own paths before Spring's dozen path patterns are tried
        http.securityMatcher(
                        request -> isAuthorizationServerPath(request.getRequestURI()) && endpoints.matches(request))
                .with(server, as -> as.registeredClientRepository(clientRepository)
                        .authorizationService(authorizations)
                        .authorizationConsentService(consents)
                        .authorizationServerSettings(settings)
                        .tokenGenerator(generator)
                        .clientAuthentication(c -> c.authenticationConverters(list -> {
                                    list.addFirst(FirstPartyApp.requestShape());
                                    list.addLast(FirstPartyApp.converter());
                                })
                                .authenticationProviders(
                                        list -> list.addFirst(FirstPartyApp.provider(clientRepository)))
                                .errorResponseHandler(responses.errors()))
                        .tokenEndpoint(t -> t.accessTokenRequestConverters(
                                        list -> list.removeIf(c -> c instanceof OAuth2DeviceCodeAuthenticationConverter
                                                || c instanceof OAuth2TokenExchangeAuthenticationConverter))
                                .authenticationProviders(list -> {
                                    list.removeIf(p -> p instanceof OAuth2RefreshTokenAuthenticationProvider);
                                    list.addFirst(refreshGrant);
                                })
                                .accessTokenResponseHandler(responses.tokens())
                                .errorResponseHandler(responses.errors()))
                        .tokenIntrospectionEndpoint(i -> i.authenticationProviders(list -> {
                                    list.clear();
                                    list.add(introspection);
                                })
                                .errorResponseHandler(responses.errors()))
                        .tokenRevocationEndpoint(r -> r.authenticationProviders(list -> {
                                    list.clear();
                                    list.add(revocation);
                                })
                                .errorResponseHandler(responses.errors()))
                        .authorizationServerMetadataEndpoint(m -> m.authorizationServerMetadataCustomizer(
                                metadata -> metadata.claims(Discovery::onlyWhatExists)))
                        .oidc(oidc -> oidc.providerConfigurationEndpoint(p -> p.providerConfigurationCustomizer(
                                        configuration -> configuration.claims(Discovery::onlyWhatExists)))
                                .userInfoEndpoint(u -> u.authenticationProviders(list -> {
                                    list.clear();
                                    list.add(userInfo);
                                }))))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                                new BearerTokenAuthenticationEntryPoint(),
                                PathPatternRequestMatcher.withDefaults().matcher("/userinfo"))
                        .defaultAuthenticationEntryPointFor(
                                responses.noClient(),
                                new OrRequestMatcher(
                                        PathPatternRequestMatcher.withDefaults().matcher("/oauth2/token"),
                                        PathPatternRequestMatcher.withDefaults().matcher("/oauth2/introspect"),
                                        PathPatternRequestMatcher.withDefaults().matcher("/oauth2/revoke")))
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), browser()));
        return http.build();
    }

    private static boolean isAuthorizationServerPath(String uri) {
        return uri.startsWith("/oauth2/")
                || uri.startsWith("/.well-known/")
                || uri.startsWith("/connect/")
                || uri.equals("/userinfo");
    }

    /** A browser asking for a page (an explicit text/html, not a bare any-type accept): sent to sign in. */
    private static MediaTypeRequestMatcher browser() {
        var matcher = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        matcher.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return matcher;
    }
}
