package io.unimember.member.tokens;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * The first-party app's client authentication. It is public and never had a client id to send: a refresh (or a
 * revocation) that carries no client credentials at all is the first-party app's, as before the migration. Its
 * refresh tokens are only those of phone logins ({@link RefreshGrant} checks the family's client).
 */
final class FirstPartyApp {

    private FirstPartyApp() {}

    /** Token requests are form posts with the parameters in the body (RFC 6749 §3.2); anything else is refused. */
    static AuthenticationConverter requestShape() {
        return request -> {
            if ("/oauth2/token".equals(request.getRequestURI())
                    && (request.getQueryString() != null || !isForm(request.getContentType()))) {
                throw RefreshGrant.error(
                        OAuth2ErrorCodes.INVALID_REQUEST,
                        "a token request is an application/x-www-form-urlencoded POST, parameters in the body");
            }
            return null;
        };
    }

    /** A refresh or revocation without any client credentials: the first-party app. */
    static AuthenticationConverter converter() {
        return request -> {
            if (hasCredentials(request)) {
                return null;
            }
            String path = request.getRequestURI();
            boolean refresh = "/oauth2/token".equals(path)
                    && AuthorizationGrantType.REFRESH_TOKEN
                            .getValue()
                            .equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
            boolean revoke = "/oauth2/revoke".equals(path);
            String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
            if (!(refresh || revoke) || (clientId != null && !ClientRegistrations.FIRST_PARTY.equals(clientId))) {
                return null;
            }
            Map<String, Object> parameters = new HashMap<>();
            request.getParameterMap().forEach((name, values) -> parameters.put(name, values[0]));
            return new OAuth2ClientAuthenticationToken(
                    ClientRegistrations.FIRST_PARTY, ClientAuthenticationMethod.NONE, null, parameters);
        };
    }

    /** Authenticates what {@link #converter()} made; ahead of Spring's public-client provider, which needs PKCE. */
    static AuthenticationProvider provider(RegisteredClientRepository clients) {
        return new AuthenticationProvider() {
            @Override
            public @Nullable Authentication authenticate(Authentication authentication) {
                var token = (OAuth2ClientAuthenticationToken) authentication;
                if (!ClientAuthenticationMethod.NONE.equals(token.getClientAuthenticationMethod())
                        || !ClientRegistrations.FIRST_PARTY.equals(token.getPrincipal())) {
                    return null;
                }
                RegisteredClient firstParty = Objects.requireNonNull(
                        clients.findByClientId(ClientRegistrations.FIRST_PARTY),
                        "the client repository does not know " + ClientRegistrations.FIRST_PARTY);
                return new OAuth2ClientAuthenticationToken(firstParty, ClientAuthenticationMethod.NONE, null);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    private static boolean hasCredentials(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null
                || request.getParameter("code_verifier") != null;
    }

    private static boolean isForm(@Nullable String contentType) {
        try {
            return contentType != null
                    && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
