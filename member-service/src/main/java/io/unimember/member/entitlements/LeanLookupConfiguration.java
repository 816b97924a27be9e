package io.unimember.member.entitlements;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers {@link LeanLookupFilter} just before Spring Security's filter chain (order -100): after the request id,
 * the body limit and the observation filters. {@code unimember.entitlements.lean-lookup=false} turns it off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "unimember.entitlements.lean-lookup", matchIfMissing = true)
class LeanLookupConfiguration {

    static final int ORDER = -101;

    @Bean
    FilterRegistrationBean<LeanLookupFilter> leanLookupFilter(
            JwtDecoder tokens, Entitlements entitlements, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new LeanLookupFilter(tokens, entitlements, json));
        registration.addUrlPatterns(LeanLookupFilter.PATH);
        registration.setOrder(ORDER);
        return registration;
    }
}
