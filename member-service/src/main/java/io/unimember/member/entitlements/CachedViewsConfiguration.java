package io.unimember.member.entitlements;

import io.unimember.common.entitlements.CachedViews;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where in Redis the views and their leases are kept: the namespace the gateway reads too (decision 0024). */
@Configuration(proxyBeanMethods = false)
class CachedViewsConfiguration {

    @Bean
    CachedViews cachedViews(
            @Value("${" + CachedViews.NAMESPACE_PROPERTY + ":" + CachedViews.DEFAULT_NAMESPACE + "}")
                    String namespace) {
        return new CachedViews(namespace);
    }
}
