package io.unimember.gateway.headers;

import io.unimember.gateway.requestid.RequestIds;
import org.springframework.stereotype.Component;

/**
 * The headers of a service's answer that reach the client, built in one copy: drops hop-by-hop headers and those
 * the gateway already set on its own response — the request id (the service echoes the one we sent; the client
 * would see it twice) and CORS headers (the gateway owns CORS; two {@code Access-Control-Allow-Origin} values make
 * browsers refuse the answer).
 */
@Component
class ResponseHeadersFilter extends OneCopyHeadersFilter {

    private static final String CORS_PREFIX = "Access-Control-";

    ResponseHeadersFilter() {
        super(Type.RESPONSE);
    }

    @Override
    boolean passes(String name) {
        return passesUnchanged(name);
    }

    static boolean passesUnchanged(String name) {
        return !RequestIds.HEADER.equalsIgnoreCase(name)
                && !name.regionMatches(true, 0, CORS_PREFIX, 0, CORS_PREFIX.length());
    }
}
