package io.unimember.points.web;

import io.unimember.common.security.AuthorizationRules;
import io.unimember.common.security.Scopes;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Path rules of points-service, ahead of the shared ones: order intake needs {@code bu:orders}, holds need
 * {@code bu:redeem}, a member's own points need a member token. Controllers repeat them with {@code @PreAuthorize}.
 */
@Component
class PointsAuthorizationRules implements AuthorizationRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry registry) {
        // the liability report is an admin path a BU may read its own line of (the shared rule would allow admin only)
        registry.requestMatchers("/api/v1/admin/points/liability")
                .hasAnyAuthority(Scopes.authorities(Scopes.ADMIN, Scopes.BU_ORDERS))
                .requestMatchers("/api/v1/bu/orders", "/api/v1/bu/orders/**")
                .hasAuthority(Scopes.authority(Scopes.BU_ORDERS))
                .requestMatchers("/api/v1/points/holds", "/api/v1/points/holds/**")
                .hasAuthority(Scopes.authority(Scopes.BU_REDEEM))
                .requestMatchers("/api/v1/points/me", "/api/v1/points/me/**")
                .hasAuthority(Scopes.authority(Scopes.MEMBER));
    }
}
