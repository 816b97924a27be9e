package io.unimember.gateway.lookup;

import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.unimember.common.entitlements.CachedViews;
import io.unimember.gateway.auth.CachedAdmissions;
import io.unimember.gateway.ratelimit.RateLimitFilter;
import java.time.Clock;
import java.util.function.BiFunction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.util.function.SingletonSupplier;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway answers entitlement lookups from member-service's cached views (decision 0024), on unless
 * {@code unimember.gateway.lookup.enabled=false}; the settings are {@link LookupProperties}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "unimember.gateway.lookup.enabled", matchIfMissing = true)
class LookupConfiguration {

    @Bean
    CachedViews cachedViews(
            @Value("${" + CachedViews.NAMESPACE_PROPERTY + ":" + CachedViews.DEFAULT_NAMESPACE + "}")
                    String namespace) {
        return new CachedViews(namespace);
    }

    @Bean(destroyMethod = "close")
    CachedViewReader cachedViewReader(
            LettuceConnectionFactory redis, CachedViews keys, JsonMapper json, LookupProperties properties) {
        return new CachedViewReader(
                () -> (RedisClient) redis.getRequiredNativeClient(),
                keys,
                json,
                properties.redisTimeout(),
                properties.leasesEvery(),
                properties.maxParsed());
    }

    @Bean
    LookupRoute lookupRoute(
            CachedAdmissions admissions,
            ObjectProvider<RateLimitFilter> limits,
            CachedViewReader views,
            JsonMapper json,
            MeterRegistry meters,
            ObjectProvider<HttpHandler> application) {
        // the same application the server runs for every other request, through an adapter of its own
        SingletonSupplier<BiFunction<HttpServerRequest, HttpServerResponse, Mono<Void>>> fullPath =
                SingletonSupplier.of(() -> new ReactorHttpHandlerAdapter(application.getObject()));
        return new LookupRoute(admissions, limits.getIfAvailable(), views, json, Clock.systemUTC(), meters, fullPath);
    }

    @Bean
    WebServerFactoryCustomizer<NettyReactiveWebServerFactory> lookupServerRoute(LookupRoute route) {
        return factory -> factory.addRouteProviders(route);
    }
}
