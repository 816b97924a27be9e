package io.unimember.gateway.headers;

import io.unimember.gateway.requestid.RequestIds;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers of a service's answer that reach the client, built in one copy: drops hop-by-hop headers and those
 * the gateway already set on its own response — the request id (the service echoes the one we sent; the client
 * would see it twice) and CORS headers (the gateway owns CORS; two {@code Access-Control-Allow-Origin} values make
 * browsers refuse the answer).
 */
@Component
class ResponseHeadersFilter implements HttpHeadersFilter, Ordered {

    private static final String CORS_PREFIX = "Access-Control-";

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HopByHop hopByHop = HopByHop.of(input);
        HttpHeaders headers = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!hopByHop.removes(name)
                    && !RequestIds.HEADER.equalsIgnoreCase(name)
                    && !name.regionMatches(true, 0, CORS_PREFIX, 0, CORS_PREFIX.length())) {
                headers.addAll(name, values);
            }
        });
        return headers;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.RESPONSE;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
