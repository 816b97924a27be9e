package io.unimember.common.security;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own path rules, applied before the shared ones (admin, BU and merchant path families, then "any
 * authenticated token"). Finer checks belong on the controller with {@code @PreAuthorize}.
 */
@FunctionalInterface
public interface AuthorizationRules {

    void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry registry);
}
