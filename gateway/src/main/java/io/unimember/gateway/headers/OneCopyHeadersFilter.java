package io.unimember.gateway.headers;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * A header filter that builds what passes the gateway in one copy: hop-by-hop headers never pass, a subclass says
 * what else stays behind and what the gateway adds. Last among the header filters, so nothing re-adds what it removed.
 */
abstract class OneCopyHeadersFilter implements HttpHeadersFilter, Ordered {

    private final Type type;

    OneCopyHeadersFilter(Type type) {
        this.type = type;
    }

    @Override
    public final HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HopByHop hopByHop = HopByHop.of(input);
        HttpHeaders headers = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!hopByHop.removes(name) && passes(name)) {
                headers.addAll(name, values);
            }
        });
        addOwn(headers, exchange);
        return headers;
    }

    /** Whether a header that is not hop-by-hop passes. */
    abstract boolean passes(String name);

    /** What the gateway itself sets on what passes. */
    void addOwn(HttpHeaders headers, ServerWebExchange exchange) {}

    @Override
    public final boolean supports(Type type) {
        return type == this.type;
    }

    @Override
    public final int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
