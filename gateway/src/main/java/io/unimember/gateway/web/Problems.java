package io.unimember.gateway.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes RFC 9457 problem bodies with the fields every Unimember error carries ({@code code}, {@code traceId}),
 * shaped exactly like the services' (common's {@code Problems}). Built by hand: the gateway's errors are few and
 * small, and a 429 storm should not cost an object mapper per response.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://unimember.io/problems/";

    private Problems() {}

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        byte[] body = body(status, code, detail, TraceIds.of(exchange));
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(
                Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    /** The problem body, for a path that writes its answer without an exchange. */
    public static byte[] body(HttpStatus status, String code, String detail, String traceId) {
        return json(status, code, detail, traceId).getBytes(StandardCharsets.UTF_8);
    }

    static String json(HttpStatus status, String code, String detail, String traceId) {
        StringBuilder json = new StringBuilder(192);
        json.append("{\"type\":");
        string(json, TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'));
        json.append(",\"title\":");
        string(json, status.getReasonPhrase());
        json.append(",\"status\":").append(status.value());
        json.append(",\"detail\":");
        string(json, detail);
        json.append(",\"code\":");
        string(json, code);
        json.append(",\"traceId\":");
        string(json, traceId);
        return json.append('}').toString();
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
