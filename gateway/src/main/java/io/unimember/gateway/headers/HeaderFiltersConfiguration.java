package io.unimember.gateway.headers;

import java.util.List;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Leaves out Spring Cloud Gateway's header filters whose work {@link RequestHeadersFilter} and
 * {@link ResponseHeadersFilter} do in their single copy. Each of them built a new copy of every request's (and the
 * hop-by-hop one every response's) headers, lower-casing each name: together with ours, a profile under load showed
 * a fifth of the gateway's CPU in header filtering. {@code TransferEncodingNormalizationHeadersFilter} stays (it
 * copies only a request that has both {@code Transfer-Encoding: chunked} and a {@code Content-Length}).
 */
@Configuration(proxyBeanMethods = false)
class HeaderFiltersConfiguration {

    /** Always registered by Spring Cloud Gateway 5 when no proxy is trusted; missing means it was renamed. */
    static final List<String> REPLACED =
            List.of("removeHopByHopHeadersFilter", "removeForwardedHeadersFilter", "removeXForwardedHeadersFilter");

    /** Registered unless {@code server.http2.enabled=false}; the gateway proxies no gRPC. */
    static final List<String> UNUSED = List.of("gRPCRequestHeadersFilter", "gRPCResponseHeadersFilter");

    @Bean
    static BeanDefinitionRegistryPostProcessor withoutCopyingHeaderFilters() {
        return registry -> {
            for (String name : REPLACED) {
                if (!registry.containsBeanDefinition(name)) {
                    throw new IllegalStateException("Spring Cloud Gateway no longer defines " + name
                            + ": check that RequestHeadersFilter and ResponseHeadersFilter still do its work");
                }
                registry.removeBeanDefinition(name);
            }
            UNUSED.stream().filter(registry::containsBeanDefinition).forEach(registry::removeBeanDefinition);
        };
    }
}
