package io.unimember.gateway.logging;

import io.unimember.gateway.requestid.RequestIds;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.web.server.ServerWebExchange;

/**
 * Puts an exchange's {@code requestId} and {@code traceId} into the logging MDC for the log lines written about it,
 * under the same keys the services use, so one search finds the gateway's and the services' lines of a request.
 *
 * <p>The gateway keeps no tracer of its own (observations are off on the proxy path, for speed), and it forwards the
 * client's W3C {@code traceparent} unchanged: the trace id is that header's, which the services continue; without
 * one, the services start the trace and the request id is what links the gateway's line to theirs. Scoped by hand
 * around each log call, instead of Reactor's automatic context propagation, which would cost every request.
 *
 * <pre>{@code try (var ignored = RequestLogContext.of(exchange)) { log.warn(...); }}</pre>
 */
public final class RequestLogContext implements AutoCloseable {

    public static final String REQUEST_ID = "requestId";
    public static final String TRACE_ID = "traceId";
    private static final String TRACEPARENT = "traceparent";

    private final @Nullable String previousRequestId;
    private final @Nullable String previousTraceId;

    private RequestLogContext(String requestId, @Nullable String traceId) {
        previousRequestId = MDC.get(REQUEST_ID);
        previousTraceId = MDC.get(TRACE_ID);
        MDC.put(REQUEST_ID, requestId);
        if (traceId != null) {
            MDC.put(TRACE_ID, traceId);
        }
    }

    public static RequestLogContext of(ServerWebExchange exchange) {
        return of(RequestIds.of(exchange), exchange.getRequest().getHeaders().getFirst(TRACEPARENT));
    }

    /** For a request handled without an exchange: its request id and the {@code traceparent} it sent. */
    public static RequestLogContext of(String requestId, @Nullable String traceparent) {
        return new RequestLogContext(requestId, traceId(traceparent));
    }

    /** The trace id of a W3C {@code traceparent} ({@code 00-<32 hex>-<16 hex>-<2 hex>}), if it is one. */
    public static @Nullable String traceId(@Nullable String traceparent) {
        if (traceparent == null || traceparent.length() < 55 || traceparent.charAt(2) != '-') {
            return null;
        }
        String id = traceparent.substring(3, 35);
        if (traceparent.charAt(35) != '-' || !lowerHex(id) || id.chars().allMatch(c -> c == '0')) {
            return null;
        }
        return id;
    }

    private static boolean lowerHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        restore(REQUEST_ID, previousRequestId);
        restore(TRACE_ID, previousTraceId);
    }

    private static void restore(String key, @Nullable String previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
