package io.unimember.gateway.headers;

import io.unimember.gateway.auth.VerifiedToken;
import io.unimember.gateway.requestid.RequestIds;
import java.util.List;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers a routed request carries to its service, built in one copy: drops hop-by-hop headers, whatever a
 * client claims about proxies before the gateway ({@code Forwarded}, {@code X-Forwarded-*}) and every identity
 * header a client sent ({@link IdentityHeaderNames}, {@code X-Client-Ip} among them), then sets the request id, the
 * client's address and the identity from the verified token. It does the work of Spring Cloud Gateway's hop-by-hop
 * and forwarded-header filters, which are not registered ({@link HeaderFiltersConfiguration}): each of them copied
 * every header once more.
 *
 * <p>{@code X-Client-Ip} is the TCP peer's address, or, when the peer is one of {@code
 * unimember.gateway.trusted-proxies}, the client its {@code X-Forwarded-For} names ({@link ClientIp}: the right-most
 * address that is not a trusted proxy). It is not set at all when that address is a loopback one (127.0.0.0/8,
 * {@code ::1}): a loopback peer that no trusted proxy speaks for is a caller on this machine (development, tests,
 * benchmarks), and the risk rules downstream must not take every local caller for one client. {@code
 * X-Forwarded-For} itself never goes on.
 */
@Component
class RequestHeadersFilter extends OneCopyHeadersFilter {

    private static final String FORWARDED = "Forwarded";
    private static final String X_FORWARDED_PREFIX = "X-Forwarded-";
    private static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final TrustedProxies trustedProxies;

    RequestHeadersFilter(ClientIpProperties properties) {
        super(Type.REQUEST);
        this.trustedProxies = properties.parsed();
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
        addOwn(RequestIds.of(exchange), VerifiedToken.of(exchange), clientIp(exchange.getRequest()), headers::set);
    }

    /** {@code X-Client-Ip}'s value, or null for none. {@code X-Forwarded-For} is read only if a proxy is trusted. */
    private @Nullable String clientIp(ServerHttpRequest request) {
        List<String> forwardedFor =
                trustedProxies.isEmpty() ? List.of() : request.getHeaders().getOrEmpty(X_FORWARDED_FOR);
        return ClientIp.of(request.getRemoteAddress(), forwardedFor, trustedProxies);
    }

    /**
     * The request id, the client's address if known ({@code X-Client-Ip}; null sets none), and the identity of the
     * verified caller if there is one.
     */
    static void addOwn(
            String requestId,
            @Nullable VerifiedToken caller,
            @Nullable String clientIp,
            BiConsumer<String, String> set) {
        set.accept(RequestIds.HEADER, requestId);
        if (clientIp != null) {
            set.accept(IdentityHeaderNames.CLIENT_IP, clientIp);
        }
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
