package io.unimember.gateway.lookup;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.unimember.common.entitlements.EntitlementView;
import io.unimember.common.entitlements.LookupQuery;
import io.unimember.common.entitlements.ViewRenderer;
import io.unimember.gateway.auth.CachedAdmissions;
import io.unimember.gateway.auth.VerifiedToken;
import io.unimember.gateway.ratelimit.RateLimitFilter;
import io.unimember.gateway.requestid.RequestIds;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The entitlement lookups — a member's own ({@value #PATH}) and a merchant's of a member who consented
 * ({@code /open/v1/members/{memberId}/entitlements}, scene defaulting to the merchant's BU) — answered by the gateway
 * itself (decision 0024), on Reactor Netty's request and response, ahead of Spring WebFlux: the caller's token checked
 * as everywhere ({@link CachedAdmissions}), the member's view read from Redis ({@link CachedViewReader}), for a
 * merchant the consent the view records, the caller's rate limit ({@link RateLimitFilter}), then the view rendered for
 * the scene and amount with member-service's own {@link ViewRenderer}. No hop to member-service.
 *
 * <p>It takes only the plain case: a GET of exactly one of these paths, a plainly valid query ({@link LookupQuery}) of
 * a scene member-service knows, no body, no {@code Origin} (CORS stays with the full path), a token this gateway
 * verified before that passes the rule, a view Redis holds while member-service's leases run (for a merchant, one
 * that lists its consent), and a caller within its limit. Everything else goes, as it arrived, to the full WebFlux path: a token not seen yet is
 * verified there, refusals are answered there, and a lookup the cache cannot answer is routed to member-service, which
 * reads MySQL, through the ordinary {@code member} route with its circuit breaker.
 */
final class LookupRoute implements NettyRouteProvider {

    static final String PATH = "/api/v1/members/me/entitlements";
    static final String OPEN_PREFIX = "/open/v1/members/";
    static final String OPEN_SUFFIX = "/entitlements";
    private static final int MAX_MEMBER_ID = 64;

    /**
     * What Spring Security's header writers add to member-service's answer (HSTS only over TLS): the gateway's own
     * answer carries the same, in this order.
     */
    static final List<Map.Entry<String, String>> SECURITY_HEADERS = List.of(
            Map.entry("X-Content-Type-Options", "nosniff"),
            Map.entry("X-XSS-Protection", "0"),
            Map.entry("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate"),
            Map.entry("Pragma", "no-cache"),
            Map.entry("Expires", "0"),
            Map.entry("X-Frame-Options", "DENY"));

    private final CachedAdmissions.Gate gate;
    private final CachedAdmissions.Gate openGate;
    private final @Nullable RateLimitFilter limits;
    private final CachedViewReader views;
    private final JsonMapper json;
    private final Clock clock;
    private final Supplier<BiFunction<HttpServerRequest, HttpServerResponse, Mono<Void>>> fullPath;
    private final Timer answered;
    private final Counter forwarded;

    /** @param fullPath the WebFlux application, for every request this path does not answer */
    LookupRoute(
            CachedAdmissions admissions,
            @Nullable RateLimitFilter limits,
            CachedViewReader views,
            JsonMapper json,
            Clock clock,
            MeterRegistry meters,
            Supplier<BiFunction<HttpServerRequest, HttpServerResponse, Mono<Void>>> fullPath) {
        this.gate = admissions.forPath(org.springframework.http.HttpMethod.GET, PATH);
        this.openGate = admissions.forPath(org.springframework.http.HttpMethod.GET, OPEN_PREFIX + "m" + OPEN_SUFFIX);
        this.limits = limits;
        this.views = views;
        this.json = json;
        this.clock = clock;
        this.fullPath = fullPath;
        this.answered = Timer.builder("unimember.gateway.lookup")
                .description("entitlement lookups the gateway answered from the cached view")
                .publishPercentileHistogram()
                .register(meters);
        this.forwarded = Counter.builder("unimember.gateway.lookup.forwarded")
                .description("plain entitlement lookups the cached view could not answer, sent to member-service")
                .register(meters);
    }

    @Override
    public HttpServerRoutes apply(HttpServerRoutes routes) {
        return routes.route(LookupRoute::isPlainLookup, this::handle);
    }

    /** A GET of exactly one of the paths, no body and no {@code Origin}. */
    static boolean isPlainLookup(HttpServerRequest request) {
        if (!HttpMethod.GET.equals(request.method()) || pathOf(request.uri()) == null) {
            return false;
        }
        HttpHeaders headers = request.requestHeaders();
        return !headers.contains(HttpHeaderNames.ORIGIN)
                && !headers.contains(HttpHeaderNames.CONTENT_LENGTH)
                && !headers.contains(HttpHeaderNames.TRANSFER_ENCODING);
    }

    /** Whose view a path asks for: {@code ""} for the caller's own, else the member id; null: not a lookup path. */
    static @Nullable String pathOf(String uri) {
        int question = uri.indexOf('?');
        String path = question < 0 ? uri : uri.substring(0, question);
        if (PATH.equals(path)) {
            return "";
        }
        if (!path.startsWith(OPEN_PREFIX) || !path.endsWith(OPEN_SUFFIX)) {
            return null;
        }
        String member = path.substring(OPEN_PREFIX.length(), path.length() - OPEN_SUFFIX.length());
        return isMemberId(member) ? member : null;
    }

    /** {@code [A-Za-z0-9_-]{1,64}}, as member-service's controller. */
    private static boolean isMemberId(String value) {
        if (value.isEmpty() || value.length() > MAX_MEMBER_ID) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        long started = System.nanoTime();
        String uri = request.uri();
        String asked = pathOf(uri);
        int question = uri.indexOf('?');
        LookupQuery parsed =
                asked == null ? null : LookupQuery.parse(question < 0 ? null : uri.substring(question + 1));
        Lookup lookup = asked == null || parsed == null ? null : lookup(request, asked, parsed);
        if (parsed == null || lookup == null || !views.answersScene(lookup.scene())) {
            return fullPath.get().apply(request, response);
        }
        LookupQuery query = parsed;
        EventLoop loop = eventLoop(request);
        // the caller's limit is taken only for an answer given here: a lookup sent on takes it on the full path
        return views.view(lookup.memberId())
                .filter(found -> lookup.merchantId() == null || found.view().lets(lookup.merchantId()))
                .filterWhen(found -> limits == null ? Mono.just(true) : limits.takes(lookup.caller()))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .publishOn(Schedulers.fromExecutor(loop))
                // (not switchIfEmpty after the answer: a sent answer completes empty, and would be sent on too)
                .flatMap(found -> found.isPresent()
                        ? answer(request, response, lookup, query.amountFen(), found.get(), started)
                        : forward(request, response));
    }

    private Mono<Void> forward(HttpServerRequest request, HttpServerResponse response) {
        forwarded.increment();
        return Mono.from(fullPath.get().apply(request, response));
    }

    /** Whose view, for whom, in which scene; {@code merchantId} null for a member's own lookup. */
    private record Lookup(VerifiedToken caller, String memberId, @Nullable String merchantId, @Nullable String scene) {}

    /** The lookup, if the caller's token admits it here; else null (the full path decides). */
    private @Nullable Lookup lookup(HttpServerRequest request, String asked, LookupQuery query) {
        String authorization = request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION);
        if (asked.isEmpty()) {
            VerifiedToken caller = gate.admit(authorization);
            return caller == null || caller.memberId() == null
                    ? null
                    : new Lookup(caller, caller.memberId(), null, query.scene());
        }
        VerifiedToken caller = openGate.admit(authorization);
        if (caller == null || caller.merchantId() == null) {
            return null;
        }
        // without a scene, the merchant's own BU is the scene: what the member can use at this merchant
        String scene = query.scene() != null ? query.scene() : caller.bu();
        return new Lookup(caller, asked, caller.merchantId(), scene);
    }

    private Mono<Void> answer(
            HttpServerRequest request,
            HttpServerResponse response,
            Lookup lookup,
            @Nullable Long amountFen,
            CachedViewReader.Found found,
            long started) {
        EntitlementView view =
                ViewRenderer.render(found.view(), lookup.scene(), amountFen, clock.instant(), found.fenPerPoint());
        byte[] body = json.writeValueAsBytes(view);
        HttpHeaders out = response.responseHeaders();
        out.set(RequestIds.HEADER, RequestIds.from(request.requestHeaders().get(RequestIds.HEADER)));
        SECURITY_HEADERS.forEach(header -> out.set(header.getKey(), header.getValue()));
        out.set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
        out.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        answered.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return response.status(200).sendByteArray(Mono.just(body)).then();
    }

    private static EventLoop eventLoop(HttpServerRequest request) {
        EventLoop[] loop = new EventLoop[1];
        request.withConnection(connection -> loop[0] = connection.channel().eventLoop());
        return loop[0];
    }
}
