package io.unimember.gateway.headers;

import io.unimember.gateway.auth.VerifiedToken;
import io.unimember.gateway.requestid.RequestIds;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
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
        return passesUnchanged(name);
    }

    static boolean passesUnchanged(String name) {
        return !FORWARDED.equalsIgnoreCase(name)
                && !name.regionMatches(true, 0, X_FORWARDED_PREFIX, 0, X_FORWARDED_PREFIX.length())
                && !IdentityHeaderNames.isIdentity(name)
                && !RequestIds.HEADER.equalsIgnoreCase(name);
    }

    @Override
    void addOwn(HttpHeaders headers, ServerWebExchange exchange) {
        addOwn(RequestIds.of(exchange), VerifiedToken.of(exchange), headers::set);
    }

    /** The request id, and the identity of the verified caller if there is one. */
    static void addOwn(String requestId, @Nullable VerifiedToken caller, BiConsumer<String, String> set) {
        set.accept(RequestIds.HEADER, requestId);
        if (caller == null) {
            return;
        }
        set.accept(IdentityHeaderNames.FORWARDED_USER, caller.subject());
        set.accept(IdentityHeaderNames.SCOPES, caller.scope());
        if (caller.memberId() != null) {
            set.accept(IdentityHeaderNames.MEMBER_ID, caller.memberId());
        } else {
            set.accept(IdentityHeaderNames.CLIENT_ID, caller.subject());
        }
        if (caller.bu() != null) {
            set.accept(IdentityHeaderNames.BU, caller.bu());
        }
        if (caller.merchantId() != null) {
            set.accept(IdentityHeaderNames.MERCHANT_ID, caller.merchantId());
        }
    }
}
