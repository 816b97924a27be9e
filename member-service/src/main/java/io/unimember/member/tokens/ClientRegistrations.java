package io.unimember.member.tokens;

import io.unimember.common.security.Scopes;
import io.unimember.member.clients.ClientKind;
import io.unimember.member.clients.Clients;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * The client registry ({@code oauth_client}) as Spring Authorization Server sees it. BU, merchant and admin clients
 * use client credentials; member apps use the authorization code with PKCE (always, S256) and a consent page, and
 * refresh; the first-party app ({@value #FIRST_PARTY}) is not a row: it is public and only refreshes the tokens of
 * a phone login. A disabled client is not found.
 */
@Component
class ClientRegistrations implements RegisteredClientRepository {

    /** The member center and mobile app: public, signs members in by phone + OTP, refreshes their tokens. */
    static final String FIRST_PARTY = "unimember-app";

    private static final Duration CODE_TTL = Duration.ofMinutes(5);

    private final Clients clients;
    private final TokenProperties properties;
    private final RegisteredClient firstParty;

    ClientRegistrations(Clients clients, TokenProperties properties) {
        this.clients = clients;
        this.properties = properties;
        this.firstParty = RegisteredClient.withId(FIRST_PARTY)
                .clientId(FIRST_PARTY)
                .clientName("Unimember")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scope(Scopes.MEMBER)
                .tokenSettings(tokens(properties.memberAccessTtl()))
                .build();
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        // clients are registered through /api/v1/admin/clients, never by the authorization server itself (its only
        // call here re-encodes a secret under a newer encoding, which ours do not need)
    }

    @Override
    public @Nullable RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public @Nullable RegisteredClient findByClientId(String clientId) {
        if (FIRST_PARTY.equals(clientId)) {
            return firstParty;
        }
        Optional<Clients.Registration> found = clients.find(clientId).filter(r -> !r.disabled());
        return found.map(this::toRegisteredClient).orElse(null);
    }

    private RegisteredClient toRegisteredClient(Clients.Registration registration) {
        var client = registration.client();
        RegisteredClient.Builder builder = RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientName(registration.name() != null ? registration.name() : client.clientId())
                .scopes(s -> s.addAll(client.scopes()));
        if (registration.secretHash() != null) {
            builder.clientSecret(registration.secretHash())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        } else {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        if (client.kind() == ClientKind.MEMBER_APP) {
            builder.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .redirectUris(uris -> uris.addAll(registration.redirectUris()))
                    .clientSettings(ClientSettings.builder()
                            .requireProofKey(true)
                            .requireAuthorizationConsent(true)
                            .build())
                    .tokenSettings(tokens(properties.memberAccessTtl()));
        } else {
            builder.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .tokenSettings(tokens(properties.clientAccessTtl()));
        }
        return builder.build();
    }

    private TokenSettings tokens(Duration accessTtl) {
        return TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(accessTtl)
                .refreshTokenTimeToLive(properties.refreshTtl())
                .reuseRefreshTokens(false)
                .authorizationCodeTimeToLive(CODE_TTL)
                .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
    }
}
