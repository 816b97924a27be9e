package io.unimember.settlement.statements;

import io.unimember.common.security.AuthorizationRules;
import io.unimember.common.security.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Statements are for BU clients (any {@code bu:*} scope) and admin; admin paths stay admin-only (common's rule). */
@Configuration(proxyBeanMethods = false)
class SettlementAuthorization {

    @Bean
    AuthorizationRules statementRules() {
        return registry -> registry.requestMatchers("/api/v1/settlement/**")
                .hasAnyAuthority(Scopes.authorities(
                        Scopes.BU_ORDERS, Scopes.BU_MEMBERS, Scopes.BU_REDEEM, Scopes.BU_CAMPAIGNS, Scopes.ADMIN));
    }
}
