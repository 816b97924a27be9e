package io.unimember.member.tokens;

import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the token, introspection and revocation endpoints answer: the RFC 6749 token response (DESIGN §3's, with
 * {@code member_id} for a member) and RFC 6749 §5.2 errors, never cached; {@code invalid_client} is a 401, with a
 * Basic challenge when the client tried Basic.
 */
final class OAuthResponses {

    private final JsonMapper json;

    OAuthResponses(JsonMapper json) {
        this.json = json;
    }

    AuthenticationSuccessHandler tokens() {
        return (request, response, authentication) -> {
            var tokens = (OAuth2AccessTokenAuthenticationToken) authentication;
            OAuth2AccessToken access = tokens.getAccessToken();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", access.getTokenValue());
            body.put("token_type", "Bearer");
            body.put(
                    "expires_in",
                    access.getIssuedAt() == null || access.getExpiresAt() == null
                            ? 0
                            : Duration.between(access.getIssuedAt(), access.getExpiresAt())
                                    .toSeconds());
            body.put("scope", scopeOf(access));
            if (tokens.getRefreshToken() != null) {
                body.put("refresh_token", tokens.getRefreshToken().getTokenValue());
            }
            tokens.getAdditionalParameters().forEach(body::put);
            write(response, HttpStatus.OK, body);
        };
    }

    /**
     * The scope the token was minted with. Spring's client-credentials grant reports no scope when none was asked
     * for; ours then grants every scope of the client (as before the migration), and the token says which.
     */
    private static String scopeOf(OAuth2AccessToken access) {
        if (!access.getScopes().isEmpty()) {
            return String.join(" ", access.getScopes());
        }
        try {
            Object scope =
                    SignedJWT.parse(access.getTokenValue()).getJWTClaimsSet().getClaim("scope");
            return scope == null ? "" : scope.toString();
        } catch (ParseException notOurs) {
            return "";
        }
    }

    AuthenticationFailureHandler errors() {
        return (request, response, exception) -> error(request, response, exception);
    }

    /** An endpoint reached with no client authentication at all. */
    AuthenticationEntryPoint noClient() {
        return (request, response, exception) -> error(
                request,
                response,
                new OAuth2AuthenticationException(
                        new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, "client authentication failed", null)));
    }

    private void error(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        OAuth2Error error = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError()
                : new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, exception.getMessage(), null);
        boolean badClient = OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode());
        if (badClient) {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"unimember\"");
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.getErrorCode());
        body.put("error_description", description(error));
        write(response, badClient ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST, body);
    }

    private static String description(OAuth2Error error) {
        if (error.getDescription() != null && !error.getDescription().isBlank()) {
            // Spring's own descriptions name a parameter and link its sources; keep the first sentence
            String text = error.getDescription();
            int link = text.indexOf(" https://");
            return link > 0 ? text.substring(0, link) : text;
        }
        return switch (error.getErrorCode()) {
            case OAuth2ErrorCodes.INVALID_CLIENT -> "client authentication failed";
            case OAuth2ErrorCodes.INVALID_GRANT -> "the grant is invalid, expired or revoked";
            case OAuth2ErrorCodes.INVALID_SCOPE -> "the requested scope is not allowed for this client";
            case OAuth2ErrorCodes.UNSUPPORTED_GRANT_TYPE -> "this grant_type is not supported";
            case OAuth2ErrorCodes.UNAUTHORIZED_CLIENT -> "this client may not use this grant";
            default -> "the request is invalid";
        };
    }

    private void write(HttpServletResponse response, HttpStatus status, Map<String, Object> body) throws IOException {
        response.setStatus(status.value());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(HttpHeaders.PRAGMA, "no-cache");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
