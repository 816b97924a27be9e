package io.unimember.gateway.ratelimit;

import io.unimember.gateway.auth.VerifiedToken;
import io.unimember.gateway.web.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits each authenticated caller: a member by member id, a client (BU, merchant, admin) by token subject, in Redis
 * or in memory as configured ({@link RateLimitProperties.Store}). Over the limit: 429 problem+json with {@code
 * Retry-After}. Public paths are not limited here (member-service limits OTPs per phone).
 */
public final class RateLimitFilter implements WebFilter, Ordered {

    /** Right after authentication, which tells us who is calling. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 30;

    private static final String PREFIX = "gw:rl:{";

    private final TokenBuckets buckets;
    private final String[] clientLimit;
    private final String[] memberLimit;
    private final @Nullable LocalBuckets localClients;
    private final @Nullable LocalBuckets localMembers;

    RateLimitFilter(TokenBuckets buckets, RateLimitProperties properties) {
        this.buckets = buckets;
        this.clientLimit = args(properties.client());
        this.memberLimit = args(properties.member());
        this.localClients = local(properties.client(), properties);
        this.localMembers = local(properties.member(), properties);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        VerifiedToken caller = VerifiedToken.of(exchange);
        if (caller == null) {
            return chain.filter(exchange);
        }
        String memberId = caller.memberId();
        boolean member = memberId != null;
        String id = memberId != null ? memberId : caller.subject();
        LocalBuckets local = member ? localMembers : localClients;
        if (local != null) {
            Decision d = local.take(id);
            return d.allowed() ? chain.filter(exchange) : tooMany(exchange, d.retryAfterMillis());
        }
        return inRedis(caller)
                .flatMap(d -> d.allowed() ? chain.filter(exchange) : tooMany(exchange, d.retryAfterMillis()));
    }

    /**
     * For a path that answers without this filter: takes a token from the caller's bucket, wherever it is kept. False
     * when the caller is over the limit: the request then takes the full filter chain, where this filter answers 429.
     */
    public Mono<Boolean> takes(VerifiedToken caller) {
        LocalBuckets local = caller.memberId() != null ? localMembers : localClients;
        if (local != null) {
            return Mono.just(local.take(caller.memberId() != null ? caller.memberId() : caller.subject())
                    .allowed());
        }
        return inRedis(caller).map(Decision::allowed);
    }

    private Mono<Decision> inRedis(VerifiedToken caller) {
        // braces: a Redis Cluster hash tag, so a bucket's key stays on one slot
        return caller.memberId() != null
                ? buckets.take(PREFIX + "m:" + caller.memberId() + "}", memberLimit)
                : buckets.take(PREFIX + "c:" + caller.subject() + "}", clientLimit);
    }

    private static @Nullable LocalBuckets local(RateLimitProperties.Limit limit, RateLimitProperties properties) {
        return limit.store() == RateLimitProperties.Store.LOCAL
                ? new LocalBuckets(limit, properties.instances(), properties.localMaxEntries(), System::nanoTime)
                : null;
    }

    private static Mono<Void> tooMany(ServerWebExchange exchange, long retryAfterMillis) {
        long seconds = Math.max(1, (retryAfterMillis + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return Problems.write(
                exchange,
                HttpStatus.TOO_MANY_REQUESTS,
                "RATE_LIMITED",
                "too many requests; retry after " + seconds + " s");
    }

    private static String[] args(RateLimitProperties.Limit limit) {
        return new String[] {Integer.toString(limit.replenishPerSecond()), Integer.toString(limit.burst())};
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
