package io.unimember.coupon.campaigns;

import io.unimember.common.security.AuthorizationRules;
import io.unimember.common.security.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Campaigns live under {@code /api/v1/admin/**}, which common keeps for admins, but a BU with {@code bu:campaigns}
 * runs the campaigns it funds (design §12). This lets such tokens reach the controller, which checks the funding BU.
 */
@Configuration(proxyBeanMethods = false)
class CampaignAuthorizationRules {

    @Bean
    AuthorizationRules campaignAuthorization() {
        return registry -> registry.requestMatchers("/api/v1/admin/campaigns", "/api/v1/admin/campaigns/**")
                .hasAnyAuthority(Scopes.authorities(Scopes.ADMIN, Scopes.BU_CAMPAIGNS));
    }
}
