package io.unimember.gateway.headers;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.unimember.gateway.auth.VerifiedToken;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.util.StringUtils;

/**
 * The rules of {@link RequestHeadersFilter} and {@link ResponseHeadersFilter}, for a path that proxies with Reactor
 * Netty's own header objects instead of Spring Cloud Gateway's exchange: one pass over what came in, putting on what
 * goes out only what those filters let through (replacing what the HTTP client or server put there by default, as
 * Spring Cloud Gateway's copy does), then what the gateway sets.
 */
public final class NettyHeaders {

    private NettyHeaders() {}

    /**
     * What a request carries to its service, as {@link RequestHeadersFilter} builds it. {@code Host} stays the
     * service's own, which the client set: Spring Cloud Gateway drops the caller's too (no preserve-host routes here).
     * {@code clientIp} is {@code X-Client-Ip}'s value as {@link RequestHeadersFilter} would choose it, or null to set
     * none (a client's own is dropped either way).
     */
    public static void forService(
            HttpHeaders from, HttpHeaders to, String requestId, VerifiedToken caller, @Nullable String clientIp) {
        HopByHop hopByHop = hopByHop(from);
        for (String name : from.names()) {
            if (!hopByHop.removes(name)
                    && RequestHeadersFilter.passesUnchanged(name)
                    && !HttpHeaderNames.HOST.contentEqualsIgnoreCase(name)) {
                to.set(name, from.getAll(name));
            }
        }
        RequestHeadersFilter.addOwn(requestId, caller, clientIp, to::set);
    }

    /** What of a service's answer reaches the client, as {@link ResponseHeadersFilter} builds it. */
    public static void forClient(HttpHeaders from, HttpHeaders to) {
        HopByHop hopByHop = hopByHop(from);
        for (String name : from.names()) {
            if (!hopByHop.removes(name) && ResponseHeadersFilter.passesUnchanged(name)) {
                to.set(name, from.getAll(name));
            }
        }
    }

    /** The {@code Connection} header's names, split at commas as Spring's {@code HttpHeaders} reads them. */
    private static HopByHop hopByHop(HttpHeaders headers) {
        List<String> connection = headers.getAll(HttpHeaderNames.CONNECTION);
        if (connection.isEmpty()) {
            return HopByHop.ofConnection(List.of());
        }
        List<String> names = new ArrayList<>();
        for (String value : connection) {
            names.addAll(List.of(StringUtils.tokenizeToStringArray(value, ",")));
        }
        return HopByHop.ofConnection(names);
    }
}
