package io.unimember.member.tokens;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAuth endpoints in the OpenAPI document. The authorization server's filters answer these paths before any
 * controller (so these methods never run); springdoc documents only controllers, and integrators read the document
 * for the token endpoint first.
 */
@RestController
class OAuthEndpointDocs {

    @Operation(
            summary = "RFC 6749 token endpoint",
            description = "grant_type=client_credentials (HTTP Basic or client_id/client_secret), refresh_token"
                    + " (rotation; a reused token revokes its family) or authorization_code (with code_verifier,"
                    + " PKCE S256). Errors are RFC 6749 JSON: invalid_request, invalid_client (401), invalid_grant,"
                    + " invalid_scope, unsupported_grant_type.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "401",
            description = "invalid_client: the client did not authenticate (RFC 6749 error JSON)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "the token",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/json",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = TokenResponse.class)))
    @PostMapping(value = "/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    TokenResponse token(@RequestParam MultiValueMap<String, String> form) {
        throw servedByTheFilter();
    }

    @Operation(
            summary = "RFC 7662 token introspection",
            description = "An authenticated client posts token=...; answers {active:false} or the token's claims.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "401",
            description = "invalid_client: the client did not authenticate (RFC 6749 error JSON)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "{active:false} or the token's claims",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/json",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(type = "object")))
    @PostMapping(value = "/oauth2/introspect", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    java.util.Map<String, Object> introspect(@RequestParam MultiValueMap<String, String> form) {
        throw servedByTheFilter();
    }

    @Operation(
            summary = "RFC 7009 token revocation",
            description = "A client revokes its own access or refresh token (a refresh token takes its family);"
                    + " always 200.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "401",
            description = "invalid_client: the client did not authenticate (RFC 6749 error JSON)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "revoked, or was not a live token")
    @PostMapping(value = "/oauth2/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    void revoke(@RequestParam MultiValueMap<String, String> form) {
        throw servedByTheFilter();
    }

    private static IllegalStateException servedByTheFilter() {
        return new IllegalStateException("the authorization server's filter chain serves this path");
    }
}
