package io.unimember.gateway.downstream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code unimember.gateway.proxy}: the time of each routed request from route match until the answer is written,
 * by service and outcome, as a Prometheus histogram. The timers are made once per (service, outcome), so a request
 * costs two clock reads and a histogram update, not a meter lookup.
 */
public final class ProxyTimer implements GlobalFilter, Ordered {

    private static final String[] OUTCOMES = {"INFORMATIONAL", "SUCCESS", "REDIRECTION", "CLIENT_ERROR", "SERVER_ERROR"
    };

    private final MeterRegistry registry;
    private final Map<String, Timer[]> timers = new ConcurrentHashMap<>();

    ProxyTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long start = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> record(exchange, System.nanoTime() - start));
    }

    private void record(ServerWebExchange exchange, long nanos) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        record(DownstreamGuard.service(exchange), status == null ? 200 : status.value(), nanos);
    }

    /** One request to {@code service} answered with {@code status}, for a path that proxies without the filters. */
    public void record(String service, int status, long nanos) {
        Timer[] byOutcome = timers.get(service);
        if (byOutcome == null) {
            byOutcome = timers.computeIfAbsent(service, this::timersFor);
        }
        int series = Math.min(5, Math.max(1, status / 100));
        byOutcome[series - 1].record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer[] timersFor(String service) {
        Timer[] result = new Timer[OUTCOMES.length];
        for (int i = 0; i < OUTCOMES.length; i++) {
            result[i] = Timer.builder("unimember.gateway.proxy")
                    .description("Requests routed to a service, until the answer is written")
                    .tag("service", service)
                    .tag("outcome", OUTCOMES[i])
                    .publishPercentileHistogram()
                    .register(registry);
        }
        return result;
    }

    /** Outermost, so it covers the routing and the writing of the answer. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
