package io.unimember.gateway.auth;

import io.unimember.gateway.web.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.RequestPath;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The gateway's resource-server check, in one filter instead of Spring Security's chain of a dozen: bearer token →
 * verified token (from the cache when seen before) → the path's scope rule → the caller, stored on the exchange
 * for the identity headers and the rate limits. 401 and 403 are problem+json with the RFC 6750 challenge.
 */
final class AuthenticationFilter implements WebFilter, Ordered {

    /** After the request id and CORS, before the rate limits. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    private static final String BEARER = "Bearer ";

    private static final String LOGOUT = "/api/v1/members/me/logout";

    private final AccessRules rules;
    private final TokenVerifier verifier;
    private final RevokedTokens revoked;

    AuthenticationFilter(AccessRules rules, TokenVerifier verifier, RevokedTokens revoked) {
        this.rules = rules;
        this.verifier = verifier;
        this.revoked = revoked;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        RequestPath path = request.getPath();
        if (isAmbiguous(path.value())) {
            return Problems.write(exchange, HttpStatus.BAD_REQUEST, "BAD_PATH", "the path has dot or encoded segments");
        }
        Access access = rules.accessFor(request.getMethod(), path.pathWithinApplication());
        if (access.isPublic()) {
            return chain.filter(exchange);
        }
        String token = bearer(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            return unauthorized(exchange, "Bearer", "a bearer token is required");
        }
        VerifiedToken known = verifier.cached(token);
        if (known != null) {
            return authorize(exchange, chain, access, known);
        }
        return verifier.verify(token)
                .onErrorResume(e -> Mono.error(new TokenCheckUnavailableException(e)))
                .flatMap(result -> result.isPresent()
                        ? authorize(exchange, chain, access, result.get())
                        : unauthorized(
                                exchange, "Bearer error=\"invalid_token\"", "the bearer token is invalid or expired"));
    }

    private Mono<Void> authorize(ServerWebExchange exchange, WebFilterChain chain, Access access, VerifiedToken token) {
        if (revoked.isRevoked(token.tokenId())) {
            return unauthorized(
                    exchange, "Bearer error=\"invalid_token\"", "the bearer token was revoked (signed out)");
        }
        if (!access.allows(token)) {
            exchange.getResponse()
                    .getHeaders()
                    .set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
            return Problems.write(exchange, HttpStatus.FORBIDDEN, "INSUFFICIENT_SCOPE", "this needs " + access.needs());
        }
        exchange.getAttributes().put(VerifiedToken.ATTRIBUTE, token);
        String tokenId = token.tokenId();
        if (tokenId != null
                && HttpMethod.POST.equals(exchange.getRequest().getMethod())
                && LOGOUT.equals(exchange.getRequest().getPath().value())) {
            // known here before the client's next request, whatever the stream's delay: recorded as the answer is
            // committed, before the client can read it (after completion, the next request could come first)
            exchange.getResponse().beforeCommit(() -> {
                HttpStatusCode status = exchange.getResponse().getStatusCode();
                if (status != null && status.is2xxSuccessful()) {
                    revoked.revoked(tokenId, token.expiresAtMillis());
                }
                return Mono.empty();
            });
            return chain.filter(exchange);
        }
        return chain.filter(exchange);
    }

    private static Mono<Void> unauthorized(ServerWebExchange exchange, String challenge, String detail) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", detail);
    }

    static @Nullable String bearer(@Nullable String authorization) {
        if (authorization == null
                || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    /**
     * Dot segments and encoded dots or slashes could make a path match one rule here and mean another path to the
     * service behind; no Unimember path has them, so they are refused rather than normalised. So are encoded
     * control characters.
     */
    static boolean isAmbiguous(String rawPath) {
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '\\') {
                return true;
            }
            if (c == '%' && i + 2 < rawPath.length()) {
                char hi = rawPath.charAt(i + 1);
                char lo = Character.toLowerCase(rawPath.charAt(i + 2));
                if ((hi == '2' && (lo == 'e' || lo == 'f')) || (hi == '5' && lo == 'c')) {
                    return true;
                }
                // encoded control characters (%00-%1F, %7F): no Unimember path has them, and a service's web
                // server refuses some of them with its own HTML page instead of problem+json
                if (hi == '0' || hi == '1' || (hi == '7' && lo == 'f')) {
                    return true;
                }
            }
            if (c == '.' && i > 0 && rawPath.charAt(i - 1) == '/') {
                int end = i + 1;
                if (end < rawPath.length() && rawPath.charAt(end) == '.') {
                    end++;
                }
                if (end == rawPath.length() || rawPath.charAt(end) == '/' || rawPath.charAt(end) == ';') {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
