package io.unimember.gateway.downstream;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.netty.handler.timeout.ReadTimeoutException;
import io.unimember.gateway.logging.RequestLogContext;
import io.unimember.gateway.web.Problems;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * One resilience4j circuit breaker per service around the proxy call. A service that refuses connections, times
 * out or drops them counts as failing; once the breaker opens, calls are answered {@code 503} problem+json at once
 * without touching the service, until a few trial calls show it is back. A refused connection is already a fast
 * 503; a timeout is a 504.
 */
public final class DownstreamGuard implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(DownstreamGuard.class);

    private final CircuitBreakerRegistry registry;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final long retryAfterSeconds;

    DownstreamGuard(CircuitBreakerRegistry registry) {
        this.registry = registry;
        this.retryAfterSeconds = Math.max(
                1,
                registry.getDefaultConfig().getWaitIntervalFunctionInOpenState().apply(1) / 1000);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String service = service(exchange);
        return chain.filter(exchange)
                .transform(CircuitBreakerOperator.of(breaker(service)))
                .onErrorResume(e -> answer(exchange, service, e));
    }

    /** The service's breaker: one per service, shared by every path that calls it. */
    public CircuitBreaker breaker(String service) {
        CircuitBreaker breaker = breakers.get(service);
        return breaker != null ? breaker : breakers.computeIfAbsent(service, registry::circuitBreaker);
    }

    private Mono<Void> answer(ServerWebExchange exchange, String service, Throwable e) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(e);
        }
        Failure failure;
        try (var ids = RequestLogContext.of(exchange)) {
            failure = failure(service, e);
        }
        if (failure.retryAfter() != null) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, failure.retryAfter());
        }
        return Problems.write(exchange, failure.status(), failure.code(), failure.detail());
    }

    /**
     * What the client is told when a call to a service failed: 503 at once while the breaker is open, 504 when the
     * service did not answer in time, else 503 — logged (with the caller's log context), since once a few calls
     * failed the breaker opens and open-circuit answers are not.
     */
    public Failure failure(String service, Throwable e) {
        if (e instanceof CallNotPermittedException) {
            return new Failure(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "SERVICE_UNAVAILABLE",
                    service + "-service is unavailable (circuit open); retry shortly",
                    Long.toString(retryAfterSeconds));
        }
        if ((e instanceof ResponseStatusException status && status.getStatusCode() == HttpStatus.GATEWAY_TIMEOUT)
                || e instanceof ReadTimeoutException) {
            return new Failure(
                    HttpStatus.GATEWAY_TIMEOUT, "UPSTREAM_TIMEOUT", service + "-service did not answer in time", null);
        }
        log.warn("{}-service call failed, answering 503: {}", service, e.toString());
        return new Failure(
                HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE", service + "-service is unavailable", null);
    }

    /** A failed call's answer: status, problem code and detail, and {@code Retry-After} when there is one. */
    public record Failure(HttpStatus status, String code, String detail, @Nullable String retryAfter) {}

    /** The breaker's name: the route's {@code service} metadata (the docs routes share their service's), else its id. */
    static String service(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return "unknown";
        }
        Object service = route.getMetadata().get("service");
        return service == null ? route.getId() : service.toString();
    }

    /** Just around the proxy call itself. */
    @Override
    public int getOrder() {
        return NettyRoutingFilter.ORDER - 1;
    }
}
