package io.unimember.coupon.templates;

import io.unimember.common.security.AuthorizationRules;
import io.unimember.common.security.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Templates live under {@code /api/v1/admin/**}, which common keeps for admins, but the design lets a BU with
 * {@code bu:campaigns} create (and read) templates it funds. This lets such tokens reach the controller, which then
 * checks the funding BU.
 */
@Configuration(proxyBeanMethods = false)
class TemplateAuthorizationRules {

    @Bean
    AuthorizationRules couponTemplateRules() {
        String[] adminOrCampaigns = Scopes.authorities(Scopes.ADMIN, Scopes.BU_CAMPAIGNS);
        return registry -> registry.requestMatchers(HttpMethod.POST, "/api/v1/admin/coupon-templates")
                .hasAnyAuthority(adminOrCampaigns)
                .requestMatchers(HttpMethod.GET, "/api/v1/admin/coupon-templates/*")
                .hasAnyAuthority(adminOrCampaigns);
    }
}
