package io.unimember.member.web;

import io.unimember.common.security.AuthorizationRules;
import io.unimember.common.security.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * member-service's own path rules on top of the shared ones: the member paths need a member token, the merchant
 * member reads need {@code merchant:members}, resolving members needs {@code bu:members}.
 */
@Configuration(proxyBeanMethods = false)
class MemberPathRules {

    @Bean
    AuthorizationRules memberServiceRules() {
        return registry -> registry.requestMatchers("/api/v1/members/**")
                .hasAuthority(Scopes.authority(Scopes.MEMBER))
                .requestMatchers("/open/v1/members/**")
                .hasAuthority(Scopes.authority(Scopes.MERCHANT_MEMBERS))
                .requestMatchers("/api/v1/bu/members/**")
                .hasAuthority(Scopes.authority(Scopes.BU_MEMBERS));
    }
}
