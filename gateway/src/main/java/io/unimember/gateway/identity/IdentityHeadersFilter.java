package io.unimember.gateway.identity;

import io.unimember.gateway.auth.VerifiedToken;
import io.unimember.gateway.requestid.RequestIds;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Rewrites the headers a routed request carries to its service, while the gateway copies them anyway: drops every
 * identity header a client sent, then sets them from the verified token, and forwards the request id. Runs last
 * among the header filters, so nothing re-adds what it removed.
 */
@Component
class IdentityHeadersFilter implements HttpHeadersFilter, Ordered {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!IdentityHeaderNames.isIdentity(name) && !RequestIds.HEADER.equalsIgnoreCase(name)) {
                headers.addAll(name, values);
            }
        });
        headers.set(RequestIds.HEADER, RequestIds.of(exchange));
        VerifiedToken caller = VerifiedToken.of(exchange);
        if (caller != null) {
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
        return headers;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
