package io.unimember.gateway.headers;

import io.unimember.gateway.auth.VerifiedToken;
import io.unimember.gateway.requestid.RequestIds;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers a routed request carries to its service, built in one copy: drops hop-by-hop headers, whatever a
 * client claims about proxies before the gateway ({@code Forwarded}, {@code X-Forwarded-*}: none is trusted) and
 * every identity header a client sent, then sets the identity from the verified token and the request id. It does
 * the work of Spring Cloud Gateway's hop-by-hop and forwarded-header filters, which are not registered
 * ({@link HeaderFiltersConfiguration}): each of them copied every header once more.
 */
@Component
class RequestHeadersFilter extends OneCopyHeadersFilter {

    private static final String FORWARDED = "Forwarded";
    private static final String X_FORWARDED_PREFIX = "X-Forwarded-";

    RequestHeadersFilter() {
        super(Type.REQUEST);
    }

    @Override
    boolean passes(String name) {
        return !FORWARDED.equalsIgnoreCase(name)
                && !name.regionMatches(true, 0, X_FORWARDED_PREFIX, 0, X_FORWARDED_PREFIX.length())
                && !IdentityHeaderNames.isIdentity(name)
                && !RequestIds.HEADER.equalsIgnoreCase(name);
    }

    @Override
    void addOwn(HttpHeaders headers, ServerWebExchange exchange) {
        headers.set(RequestIds.HEADER, RequestIds.of(exchange));
        VerifiedToken caller = VerifiedToken.of(exchange);
        if (caller == null) {
            return;
        }
        headers.set(IdentityHeaderNames.FORWARDED_USER, caller.subject());
        headers.set(IdentityHeaderNames.SCOPES, caller.scope());
        if (caller.memberId() != null) {
            headers.set(IdentityHeaderNames.MEMBER_ID, caller.memberId());
        } else {
            headers.set(IdentityHeaderNames.CLIENT_ID, caller.subject());
        }
        if (caller.bu() != null) {
            headers.set(IdentityHeaderNames.BU, caller.bu());
        }
        if (caller.merchantId() != null) {
            headers.set(IdentityHeaderNames.MERCHANT_ID, caller.merchantId());
        }
    }
}
