package io.unimember.settlement.webhooks;

import io.unimember.common.security.AuthorizationRules;
import io.unimember.common.security.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Webhook endpoints need {@code bu:webhooks}, which common's BU path rule does not know. */
@Configuration(proxyBeanMethods = false)
class WebhookAuthorization {

    static final String SCOPE = Scopes.BU_WEBHOOKS;

    @Bean
    AuthorizationRules webhookRules() {
        return registry -> registry.requestMatchers("/api/v1/bu/webhooks", "/api/v1/bu/webhooks/**")
                .hasAuthority(Scopes.authority(SCOPE));
    }
}
