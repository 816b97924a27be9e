package io.unimember.coupon.budgets;

import io.unimember.common.security.AuthorizationRules;
import io.unimember.common.security.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** A BU with {@code bu:campaigns} may read its own pool (under {@code /api/v1/admin/**}, otherwise admins only). */
@Configuration(proxyBeanMethods = false)
class BudgetAuthorizationRules {

    @Bean
    AuthorizationRules budgetAuthorization() {
        return registry -> registry.requestMatchers(HttpMethod.GET, "/api/v1/admin/budgets/*/*")
                .hasAnyAuthority(Scopes.authorities(Scopes.ADMIN, Scopes.BU_CAMPAIGNS));
    }
}
