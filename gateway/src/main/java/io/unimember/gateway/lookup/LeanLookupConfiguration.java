package io.unimember.gateway.lookup;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.unimember.gateway.auth.CachedAdmissions;
import io.unimember.gateway.downstream.DownstreamGuard;
import io.unimember.gateway.downstream.ProxyTimer;
import io.unimember.gateway.ratelimit.RateLimitFilter;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.util.function.SingletonSupplier;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The lean lookup path, on unless {@code unimember.gateway.lean-lookup.enabled=false}. It proxies to
 * {@code unimember.services.member-lookup} (member-service's lookup listener), or to {@code unimember.services.member}
 * when that is not set, on connections of its own ({@link LookupUpstream}: at most
 * {@code unimember.gateway.lean-lookup.max-connections-per-loop} per event loop, 512 unless set; the connect and
 * response timeouts are the gateway's).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "unimember.gateway.lean-lookup.enabled", matchIfMissing = true)
class LeanLookupConfiguration {

    @Bean
    LookupUpstream leanLookupUpstream(
            @Value("${unimember.services.member-lookup:${unimember.services.member}}") String memberLookup,
            @Value("${unimember.gateway.connect-timeout-ms:500}") int connectTimeoutMillis,
            @Value("${unimember.gateway.response-timeout-ms}") long responseTimeoutMillis,
            @Value("${unimember.gateway.lean-lookup.max-connections-per-loop:512}") int maxPerLoop) {
        // idle connections close after 30 s, as the shared client's: before member-service's own idle timeouts
        return new LookupUpstream(
                URI.create(memberLookup),
                connectTimeoutMillis,
                TimeUnit.MILLISECONDS.toNanos(responseTimeoutMillis),
                TimeUnit.SECONDS.toNanos(30),
                maxPerLoop);
    }

    @Bean
    LeanLookupRoute leanLookupRoute(
            CachedAdmissions admissions,
            ObjectProvider<RateLimitFilter> limits,
            DownstreamGuard guard,
            ProxyTimer timer,
            LookupUpstream upstream,
            ObjectProvider<HttpHandler> application) {
        // the same application the server runs for every other request, through an adapter of its own
        SingletonSupplier<BiFunction<HttpServerRequest, HttpServerResponse, Mono<Void>>> fullPath =
                SingletonSupplier.of(() -> new ReactorHttpHandlerAdapter(application.getObject()));
        return new LeanLookupRoute(admissions, limits.getIfAvailable(), guard, timer, upstream, fullPath);
    }

    @Bean
    WebServerFactoryCustomizer<NettyReactiveWebServerFactory> leanLookupServerRoute(LeanLookupRoute route) {
        return factory -> factory.addRouteProviders(route);
    }

    @Bean
    FunctionCounter leanLookupCounter(MeterRegistry registry, LeanLookupRoute route) {
        return FunctionCounter.builder("unimember.gateway.lookup.lean", route, LeanLookupRoute::taken)
                .description("Entitlement lookups proxied on the lean path (the rest took the full WebFlux path)")
                .register(registry);
    }

    @Bean
    FunctionCounter leanLookupDeclinedCounter(MeterRegistry registry, LeanLookupRoute route) {
        return FunctionCounter.builder("unimember.gateway.lookup.declined", route, LeanLookupRoute::declined)
                .description("Lean lookups member-service's lookup listener declined (421), then sent the full path")
                .register(registry);
    }
}
