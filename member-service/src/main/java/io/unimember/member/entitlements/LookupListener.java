package io.unimember.member.entitlements;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.unimember.common.web.RequestIdFilter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.json.JsonMapper;

/**
 * The entitlement lookup on a port of its own (decision 0017), on Reactor Netty beside Tomcat: the gateway sends its
 * lean lookups here. A lookup is read on an event loop, its token checked in memory ({@link LookupCaller}), its
 * Redis GET sent on that loop's own Redis connection ({@link LookupRedis}, decision 0019) and its answer written when
 * Redis answers, on the same thread: no thread hand-off at all in the common case (Tomcat's main port makes four:
 * poller, virtual thread, Lettuce, virtual thread, poller), and none of the servlet filters.
 *
 * <p>It answers only what the main port would answer 200 with the same body, with the same headers: a GET of
 * exactly {@value LeanLookupFilter#PATH}, a plain query ({@link LookupQuery}), no body, a valid member token. It
 * refuses nothing: anything else — another path or method, no or another token, an unknown scene, a view that could
 * not be read from Redis or MySQL — gets {@code 421 Misdirected Request}, and the gateway sends that request to the
 * main port, whose filter chain answers it as it answers every request (401, 403, 400, 503 problems). When Redis is
 * away the view is read from MySQL on a virtual thread, as on the main port.
 *
 * <p>It can be stopped and started again (Spring pauses idle test contexts so): {@link #stop} closes the port, the
 * event loops and the Redis connection; {@link #start} opens new ones.
 */
final class LookupListener implements SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LookupListener.class);
    private static final byte[] MISDIRECTED = ("{\"type\":\"about:blank\",\"title\":\"Misdirected Request\","
                    + "\"status\":421,\"code\":\"NOT_A_PLAIN_LOOKUP\",\"detail\":\"this port answers plain entitlement"
                    + " lookups only; send the request to the service's main port\"}")
            .getBytes(StandardCharsets.UTF_8);

    private final String host;
    private final int port;
    private final JwtDecoder tokens;
    private final Entitlements entitlements;
    private final JsonMapper json;
    private final LookupRedis redis;
    private final ExecutorService blocking;
    private final Timer answered;
    private final Timer declined;
    private volatile @Nullable DisposableServer server;
    private volatile @Nullable LoopResources loops;

    LookupListener(
            String host,
            int port,
            JwtDecoder tokens,
            Entitlements entitlements,
            JsonMapper json,
            LookupRedis redis,
            ExecutorService blocking,
            MeterRegistry meters) {
        this.host = host;
        this.port = port;
        this.tokens = tokens;
        this.entitlements = entitlements;
        this.json = json;
        this.redis = redis;
        this.blocking = blocking;
        this.answered = timer(meters, "answered");
        this.declined = timer(meters, "declined");
    }

    /** The port it listens on (the configured one, or the one given for port 0); -1 when stopped. */
    int port() {
        DisposableServer running = server;
        return running == null ? -1 : running.port();
    }

    @Override
    public void start() {
        // one event loop per core, as the gateway's (more loops than cores only adds wake-ups)
        LoopResources ownLoops = LoopResources.create(
                "lookup-listener", Math.max(1, Runtime.getRuntime().availableProcessors()), true);
        loops = ownLoops;
        redis.open(ownLoops);
        server = HttpServer.create()
                .host(host)
                .port(port)
                .runOn(ownLoops)
                .idleTimeout(Duration.ofMinutes(2))
                .httpRequestDecoder(spec -> spec.maxInitialLineLength(4096).maxHeaderSize(16384))
                .handle(this::handle)
                .bindNow();
        log.info("entitlement lookup listener on {}:{}", host, port());
    }

    @Override
    public void stop() {
        DisposableServer running = server;
        server = null;
        if (running != null) {
            running.disposeNow(Duration.ofSeconds(5));
        }
        redis.close();
        LoopResources ownLoops = loops;
        loops = null;
        if (ownLoops != null) {
            ownLoops.disposeLater().block(Duration.ofSeconds(5));
        }
    }

    /** When the context closes (after {@link #stop}): the blocking executor ends with the bean, not with a stop. */
    public void close() {
        stop();
        // not close(): that waits for every task, and a Redis connection attempt may wait without a bound
        blocking.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        long started = System.nanoTime();
        HttpHeaders headers = request.requestHeaders();
        String requestId = RequestIdFilter.from(headers.get(RequestIdFilter.HEADER));
        EventLoop loop = eventLoop(request);
        CompletionStage<EntitlementView> view;
        try {
            view = plainLookup(request, headers, loop);
        } catch (RuntimeException e) {
            view = null; // whatever went wrong, the main port answers it (and logs it)
        }
        // The view is ready on the request's event loop (or, read through the template or from MySQL, on a virtual
        // thread); the answer is written on the request's own event loop. Written from another thread, a keep-alive
        // connection now and then stopped reading its next request (seen as the gateway's 3 s read timeouts under
        // load): Reactor Netty expects it on the loop.
        Mono<byte[]> body = view == null
                ? Mono.empty()
                : Mono.fromCompletionStage(view.thenApplyAsync(json::writeValueAsBytes, loop))
                        // an unknown scene or an unreadable view: the main port answers it with its problem
                        .onErrorResume(e -> Mono.empty());
        return body.map(bytes -> answer(response, requestId, bytes, started))
                .switchIfEmpty(Mono.fromSupplier(() -> decline(response, requestId, started)))
                .flatMap(bytes -> response.sendByteArray(Mono.just(bytes)).then());
    }

    private static EventLoop eventLoop(HttpServerRequest request) {
        EventLoop[] loop = new EventLoop[1];
        request.withConnection(connection -> loop[0] = connection.channel().eventLoop());
        return loop[0];
    }

    /** The lookup if the request is plainly one, else null. */
    private @Nullable CompletionStage<EntitlementView> plainLookup(
            HttpServerRequest request, HttpHeaders headers, EventLoop loop) {
        String uri = request.uri();
        int question = uri.indexOf('?');
        String path = question < 0 ? uri : uri.substring(0, question);
        if (!HttpMethod.GET.equals(request.method())
                || !LeanLookupFilter.PATH.equals(path)
                || headers.contains(HttpHeaderNames.TRANSFER_ENCODING)
                || (headers.contains(HttpHeaderNames.CONTENT_LENGTH)
                        && !"0".equals(headers.get(HttpHeaderNames.CONTENT_LENGTH)))) {
            return null;
        }
        LookupQuery query = LookupQuery.parse(question < 0 ? null : uri.substring(question + 1));
        String memberId =
                query == null ? null : LookupCaller.member(tokens, headers.get(HttpHeaderNames.AUTHORIZATION));
        if (query == null || memberId == null) {
            return null;
        }
        return entitlements.lookupAsync(
                memberId, query.scene(), query.amountFen(), key -> redis.get(loop, key), blocking);
    }

    private byte[] answer(HttpServerResponse response, String requestId, byte[] body, long started) {
        response.status(200);
        HttpHeaders out = response.responseHeaders();
        out.set(RequestIdFilter.HEADER, requestId);
        LookupCaller.SECURITY_HEADERS.forEach(header -> out.set(header.getKey(), header.getValue()));
        out.set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
        out.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        answered.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return body;
    }

    private byte[] decline(HttpServerResponse response, String requestId, long started) {
        response.status(421);
        HttpHeaders out = response.responseHeaders();
        out.set(RequestIdFilter.HEADER, requestId);
        out.set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        out.set(HttpHeaderNames.CONTENT_LENGTH, MISDIRECTED.length);
        declined.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return MISDIRECTED;
    }

    private static Timer timer(MeterRegistry meters, String outcome) {
        return Timer.builder("unimember.entitlement.listener")
                .description("requests to the entitlement lookup listener: answered, or declined to the main port")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(meters);
    }
}
