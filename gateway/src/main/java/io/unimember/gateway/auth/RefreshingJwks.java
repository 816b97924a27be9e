package io.unimember.gateway.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * member-service's signing keys, fetched from its JWK set and fetched again every {@code jwksRefresh} (Spring's own
 * remote source never refetches a set that still holds the kid, so a revoked key would stay trusted forever), and
 * at once when a token names an unknown {@code kid} (rotation), at most every {@code jwksMinRefetch}. When a refresh
 * drops a key, the {@link #onKeysRemoved} listener hears its kid so tokens verified with it stop being trusted too.
 */
final class RefreshingJwks implements Function<SignedJWT, Flux<JWK>> {

    private static final Logger log = LoggerFactory.getLogger(RefreshingJwks.class);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    private final WebClient client;
    private final String uri;
    private final long minRefetchNanos;
    private volatile Consumer<Set<String>> onKeysRemoved = removed -> {};
    private final AtomicReference<@Nullable Mono<JWKSet>> inFlight = new AtomicReference<>();
    private volatile @Nullable JWKSet keys;
    private volatile long lastFetchNanos = System.nanoTime() - Long.MAX_VALUE / 2;
    private final Disposable schedule;

    RefreshingJwks(WebClient client, String uri, Duration refresh, Duration minRefetch) {
        this.client = client;
        this.uri = uri;
        this.minRefetchNanos = minRefetch.toNanos();
        // fetched once at start too, so the first requests find the keys (and a warm HTTP client) waiting
        this.schedule = Flux.interval(Duration.ZERO, refresh)
                .onBackpressureDrop()
                .concatMap(tick -> fetch().onErrorResume(e -> Mono.empty()), 1)
                .subscribe();
    }

    @Override
    public Flux<JWK> apply(SignedJWT jwt) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
        JWKSet current = keys;
        if (current != null) {
            List<JWK> found = selector.select(current);
            if (!found.isEmpty() || System.nanoTime() - lastFetchNanos < minRefetchNanos) {
                return Flux.fromIterable(found);
            }
        }
        return fetch().flatMapIterable(selector::select);
    }

    /** Who must hear of keys that left the set (the verified-token cache). */
    void onKeysRemoved(Consumer<Set<String>> listener) {
        this.onKeysRemoved = listener;
    }

    void stop() {
        schedule.dispose();
    }

    /** One fetch at a time; concurrent callers share it. */
    private Mono<JWKSet> fetch() {
        Mono<JWKSet> running = inFlight.get();
        if (running != null) {
            return running;
        }
        Mono<JWKSet> fetch = client.get()
                .uri(uri)
                .retrieve()
                .bodyToMono(String.class)
                .timeout(FETCH_TIMEOUT)
                .map(RefreshingJwks::parse)
                .doOnNext(this::replace)
                .doOnError(e -> log.warn("could not fetch the JWK set from {}: {}", uri, e.toString()))
                // cleared before the result reaches the callers: cleared after (doFinally), a caller woken by the
                // result could ask again at once and be handed this finished fetch, with the set it just saw
                .doOnTerminate(this::fetched)
                .doOnCancel(this::fetched)
                .cache();
        return inFlight.compareAndSet(null, fetch) ? fetch : fetch();
    }

    private void fetched() {
        lastFetchNanos = System.nanoTime();
        inFlight.set(null);
    }

    private void replace(JWKSet fresh) {
        JWKSet previous = keys;
        keys = fresh;
        if (previous == null) {
            return;
        }
        Set<String> removed = new HashSet<>();
        for (JWK key : previous.getKeys()) {
            if (key.getKeyID() != null && fresh.getKeyByKeyId(key.getKeyID()) == null) {
                removed.add(key.getKeyID());
            }
        }
        if (!removed.isEmpty()) {
            log.info("signing keys {} left the JWK set; tokens they signed are no longer accepted", removed);
            onKeysRemoved.accept(removed);
        }
    }

    private static JWKSet parse(String body) {
        try {
            return JWKSet.parse(body);
        } catch (ParseException e) {
            throw new IllegalStateException("the JWK set is not valid JSON: " + e.getMessage(), e);
        }
    }
}
