package io.unimember.gateway.downstream;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The proxy path's own filters: circuit breakers and the timer. */
@Configuration(proxyBeanMethods = false)
class DownstreamConfiguration {

    @Bean
    DownstreamGuard downstreamGuard(CircuitBreakerRegistry registry) {
        return new DownstreamGuard(registry);
    }

    /**
     * The connect timeout, set once on the shared client. As route metadata it would be applied per request, which
     * copies the client's whole configuration every time (a route may still override it there).
     */
    @Bean
    HttpClientCustomizer connectTimeout(DownstreamProperties properties) {
        return client -> client.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, properties.connectTimeoutMs());
    }

    @Bean
    ProxyTimer proxyTimer(MeterRegistry registry) {
        return new ProxyTimer(registry);
    }
}
