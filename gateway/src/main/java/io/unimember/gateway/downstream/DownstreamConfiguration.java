package io.unimember.gateway.downstream;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The proxy path's own filters: circuit breakers and the timer. */
@Configuration(proxyBeanMethods = false)
class DownstreamConfiguration {

    @Bean
    DownstreamGuard downstreamGuard(CircuitBreakerRegistry registry) {
        return new DownstreamGuard(registry);
    }

    @Bean
    ProxyTimer proxyTimer(MeterRegistry registry) {
        return new ProxyTimer(registry);
    }
}
