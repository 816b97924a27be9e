package io.unimember.gateway.lookup;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.unimember.gateway.auth.CachedAdmissions;
import io.unimember.gateway.auth.VerifiedToken;
import io.unimember.gateway.downstream.DownstreamGuard;
import io.unimember.gateway.downstream.ProxyTimer;
import io.unimember.gateway.headers.NettyHeaders;
import io.unimember.gateway.logging.RequestLogContext;
import io.unimember.gateway.ratelimit.RateLimitFilter;
import io.unimember.gateway.requestid.RequestIds;
import io.unimember.gateway.web.Problems;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The entitlement lookup ({@value #PATH}) proxied to member-service on Reactor Netty's request and response, ahead
 * of Spring WebFlux and Spring Cloud Gateway, whose per-exchange machinery was most of the gateway's cost per lookup.
 * It applies the same rules through the same objects: the token check ({@link CachedAdmissions}), the member's rate
 * limit ({@link RateLimitFilter}), the request id, the headers each way ({@link NettyHeaders}), the member
 * service's circuit breaker, timeouts and problem answers ({@link DownstreamGuard}) and the proxy timer.
 *
 * <p>It takes only the plain case: a GET of exactly this path, a query of plain characters, no body, no
 * {@code Origin} (CORS stays with the full path), and — decided in the handler — a token this gateway verified
 * before that passes the rule, and a member whose limit is kept in memory and not used up. Everything else goes, as
 * it arrived, to the full WebFlux path, which decides exactly as it does for every other path: a token not seen
 * yet is verified there (and remembered, so the member's next lookup comes here), refusals are answered there.
 *
 * <p>It proxies to {@code unimember.services.member-lookup}: member-service's lookup listener (decision 0017), or its
 * main port, on connections of its own opened on the event loop that read the lookup ({@link LookupUpstream},
 * decision 0020). The listener answers only plain valid lookups and declines the rest with {@code 421 Misdirected
 * Request} (an unknown scene, a token signed out since this gateway last heard): such a request is then handed to the
 * full path, which sends it to member-service's main port, whose filter chain answers it.
 */
final class LeanLookupRoute implements NettyRouteProvider {

    static final String PATH = "/api/v1/members/me/entitlements";
    static final String SERVICE = "member";
    /** What member-service's lookup listener answers to a request it leaves to its main port. */
    static final int MISDIRECTED = 421;

    private final CachedAdmissions.Gate gate;
    private final @Nullable RateLimitFilter limits;
    private final DownstreamGuard guard;
    private final ProxyTimer timer;
    private final LookupUpstream upstream;
    private final Supplier<BiFunction<HttpServerRequest, HttpServerResponse, Mono<Void>>> fullPath;
    private final LongAdder taken = new LongAdder();
    private final LongAdder declined = new LongAdder();

    /**
     * @param upstream the connections to member-service's lookup listener, a pool per event loop (decision 0020)
     * @param fullPath the WebFlux application, for every request this path does not take
     */
    LeanLookupRoute(
            CachedAdmissions admissions,
            @Nullable RateLimitFilter limits,
            DownstreamGuard guard,
            ProxyTimer timer,
            LookupUpstream upstream,
            Supplier<BiFunction<HttpServerRequest, HttpServerResponse, Mono<Void>>> fullPath) {
        this.gate = admissions.forPath(org.springframework.http.HttpMethod.GET, PATH);
        this.limits = limits;
        this.guard = guard;
        this.timer = timer;
        this.upstream = upstream;
        this.fullPath = fullPath;
    }

    @Override
    public HttpServerRoutes apply(HttpServerRoutes routes) {
        return routes.route(LeanLookupRoute::isPlainLookup, this::handle);
    }

    /** How many lookups this path took (the rest went the full path). */
    long taken() {
        return taken.sum();
    }

    /** How many of those member-service's lookup listener declined, so that they went the full path after all. */
    long declined() {
        return declined.sum();
    }

    /** A GET of exactly the path, with a plain query, no body and no {@code Origin}. */
    static boolean isPlainLookup(HttpServerRequest request) {
        if (!HttpMethod.GET.equals(request.method())) {
            return false;
        }
        String uri = request.uri();
        if (!uri.startsWith(PATH) || (uri.length() > PATH.length() && uri.charAt(PATH.length()) != '?')) {
            return false;
        }
        HttpHeaders headers = request.requestHeaders();
        return isPlainQuery(uri, PATH.length() + 1)
                && !headers.contains(HttpHeaderNames.ORIGIN)
                && !headers.contains(HttpHeaderNames.CONTENT_LENGTH)
                && !headers.contains(HttpHeaderNames.TRANSFER_ENCODING);
    }

    /** Letters, digits and {@code -._~%=&+,:} only: what a URI parser on either side reads the same way. */
    static boolean isPlainQuery(String uri, int from) {
        for (int i = from; i < uri.length(); i++) {
            char c = uri.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~%=&+,:".indexOf(c) >= 0;
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        VerifiedToken caller = gate.admit(request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION));
        if (caller == null || (limits != null && !limits.takesLocally(caller))) {
            return fullPath.get().apply(request, response);
        }
        return proxy(request, response, caller);
    }

    private Mono<Void> proxy(HttpServerRequest request, HttpServerResponse response, VerifiedToken caller) {
        long start = System.nanoTime();
        taken.increment();
        String requestId = RequestIds.from(request.requestHeaders().get(RequestIds.HEADER));
        response.header(RequestIds.HEADER, requestId);
        CircuitBreaker breaker = guard.breaker(SERVICE);
        Mono<LookupUpstream.Answer> answer = Mono.create(sink -> {
            boolean[] cancelled = new boolean[1];
            sink.onCancel(() -> cancelled[0] = true);
            if (!breaker.tryAcquirePermission()) {
                sink.error(CallNotPermittedException.createCallNotPermittedException(breaker));
                return;
            }
            Channel client = channelOf(request);
            upstream.get(
                    client.eventLoop(),
                    client.getClass(),
                    request.uri(),
                    toService -> NettyHeaders.forService(request.requestHeaders(), toService, requestId, caller),
                    new LookupUpstream.Outcome() {
                        @Override
                        public void answered(LookupUpstream.Answer answered) {
                            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                            if (cancelled[0] || !client.isActive()) {
                                answered.body().release(); // the client has gone
                                sink.success();
                            } else {
                                sink.success(answered);
                            }
                        }

                        @Override
                        public void failed(Throwable cause) {
                            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, cause);
                            sink.error(cause);
                        }
                    });
        });
        return answer.flatMap(answered -> {
                    if (answered.status() == MISDIRECTED) {
                        // member-service's lookup listener declined it: the main port's chain answers it
                        answered.body().release();
                        declined.increment();
                        return Mono.from(fullPath.get().apply(request, response));
                    }
                    // the code alone: Netty adds the standard reason phrase, as on the full path (Tomcat sends none)
                    response.status(answered.status());
                    NettyHeaders.forClient(answered.headers(), response.responseHeaders());
                    return response.send(Mono.just(answered.body())).then();
                })
                .onErrorResume(e -> failed(request, response, requestId, e))
                .doFinally(signal -> timer.record(SERVICE, response.status().code(), System.nanoTime() - start));
    }

    private static Channel channelOf(HttpServerRequest request) {
        Channel[] channel = new Channel[1];
        request.withConnection(connection -> channel[0] = connection.channel());
        return channel[0];
    }

    private Mono<Void> failed(HttpServerRequest request, HttpServerResponse response, String requestId, Throwable e) {
        if (response.hasSentHeaders()) {
            return Mono.error(e);
        }
        DownstreamGuard.Failure failure;
        try (var ids = RequestLogContext.of(requestId, request.requestHeaders().get("traceparent"))) {
            failure = guard.failure(SERVICE, e);
        }
        byte[] body = Problems.body(failure.status(), failure.code(), failure.detail(), requestId);
        HttpHeaders headers = response.responseHeaders().clear();
        headers.set(RequestIds.HEADER, requestId);
        if (failure.retryAfter() != null) {
            headers.set(HttpHeaderNames.RETRY_AFTER, failure.retryAfter());
        }
        headers.set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        headers.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response.status(failure.status().value())
                .sendByteArray(Mono.just(body))
                .then();
    }
}
