package io.unimember.member.tokens;

import io.unimember.common.security.Scopes;
import io.unimember.common.security.SecurityProperties;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public key set and the discovery document that tells clients and resource servers where things are. */
@RestController
class DiscoveryController {

    private final SigningKeys keys;
    private final Map<String, Object> configuration;

    DiscoveryController(SigningKeys keys, SecurityProperties security, TokenProperties properties) {
        this.keys = keys;
        String base = properties.publicBaseUrl() != null ? properties.publicBaseUrl() : security.issuer();
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", security.issuer());
        document.put("jwks_uri", base + "/oauth2/jwks");
        document.put("token_endpoint", base + "/oauth2/token");
        document.put("grant_types_supported", List.of("client_credentials", "refresh_token"));
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        document.put("response_types_supported", List.of("token"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put(
                "scopes_supported",
                List.of(
                        Scopes.MEMBER,
                        Scopes.BU_ORDERS,
                        Scopes.BU_MEMBERS,
                        Scopes.BU_REDEEM,
                        Scopes.BU_CAMPAIGNS,
                        Scopes.MERCHANT_MEMBERS,
                        Scopes.MERCHANT_VERIFY,
                        Scopes.ADMIN));
        this.configuration = Map.copyOf(document);
    }

    @GetMapping({"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"})
    ResponseEntity<Map<String, Object>> configuration() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(configuration);
    }

    /** Public keys only; a verifier that meets an unknown kid should fetch again, so a short cache is enough. */
    @GetMapping("/oauth2/jwks")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .body(keys.ring().jwkSet().toJSONObject(true));
    }
}
