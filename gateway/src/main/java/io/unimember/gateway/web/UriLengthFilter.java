package io.unimember.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A request URI longer than the API accepts is answered {@code 414} as problem+json here. Netty's own limit
 * ({@code server.netty.max-initial-line-length}) is set well above this one ({@link UriLimitProperties}): Netty answers a bare 414 with an empty
 * body, and a URI that long never reaches a filter.
 */
@Component
class UriLengthFilter implements WebFilter, Ordered {

    private final int maxUriLength;

    UriLengthFilter(UriLimitProperties limits) {
        this.maxUriLength = limits.maxLength();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var uri = exchange.getRequest().getURI();
        String path = uri.getRawPath();
        String query = uri.getRawQuery();
        int length = (path == null ? 0 : path.length()) + (query == null ? 0 : query.length() + 1);
        if (length > maxUriLength) {
            return Problems.write(
                    exchange,
                    HttpStatus.URI_TOO_LONG,
                    "URI_TOO_LONG",
                    "the request URI is longer than " + maxUriLength + " characters");
        }
        return chain.filter(exchange);
    }

    /** Right after the request id is set, so the problem carries it. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
