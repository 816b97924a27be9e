package io.unimember.member.tokens;

import io.unimember.common.security.Scopes;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.core.oidc.OidcScopes;

/**
 * What the discovery documents advertise ({@code /.well-known/openid-configuration} and RFC 8414's
 * {@code /.well-known/oauth-authorization-server}): only what works here. No device flow, token exchange, DPoP,
 * mutual TLS or OIDC logout: Spring offers them, Unimember does not enable them, so they are not named.
 */
final class Discovery {

    private Discovery() {}

    static void onlyWhatExists(Map<String, Object> claims) {
        claims.put("grant_types_supported", List.of("authorization_code", "client_credentials", "refresh_token"));
        claims.put("response_types_supported", List.of("code"));
        claims.put("code_challenge_methods_supported", List.of("S256"));
        claims.put(
                "token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post", "none"));
        claims.put(
                "revocation_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post", "none"));
        claims.put(
                "introspection_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        claims.put(
                "scopes_supported",
                List.of(
                        OidcScopes.OPENID,
                        OidcScopes.PROFILE,
                        Scopes.MEMBER,
                        Scopes.BU_ORDERS,
                        Scopes.BU_MEMBERS,
                        Scopes.BU_REDEEM,
                        Scopes.BU_CAMPAIGNS,
                        Scopes.BU_WEBHOOKS,
                        Scopes.MERCHANT_MEMBERS,
                        Scopes.MERCHANT_VERIFY,
                        Scopes.ADMIN));
        for (String absent : List.of(
                "device_authorization_endpoint",
                "end_session_endpoint",
                "registration_endpoint",
                "dpop_signing_alg_values_supported",
                "tls_client_certificate_bound_access_tokens")) {
            claims.remove(absent);
        }
    }
}
