package io.unimember.common.security;

import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.util.AntPathMatcher;

/**
 * On a public path (login, token endpoint, health) a bearer token is ignored rather than checked: an app that
 * sends its expired token along when logging in again must not be refused with a 401.
 */
final class PublicPathsIgnoreTokens {

    private PublicPathsIgnoreTokens() {}

    static BearerTokenResolver resolver(String[] publicPaths) {
        var matcher = new AntPathMatcher();
        var bearer = new BearerTokens();
        return request -> {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            for (String pattern : publicPaths) {
                if (matcher.match(pattern, path)) {
                    return null;
                }
            }
            return bearer.resolve(request);
        };
    }
}
