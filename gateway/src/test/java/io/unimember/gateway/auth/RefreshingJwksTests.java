package io.unimember.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.unimember.testsupport.TestTokens;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** Keys are fetched again on schedule and on an unknown kid; a key that leaves the set is reported as revoked. */
class RefreshingJwksTests {

    private final AtomicReference<String> published = new AtomicReference<>();
    private HttpServer server;
    private RefreshingJwks keys;

    @AfterEach
    void stop() {
        if (keys != null) {
            keys.stop();
        }
        server.stop(0);
    }

    @Test
    void reportsAKeyThatLeavesTheSetSoItsTokensAreForgotten() throws Exception {
        publish(rsa("old-key"), rsa("new-key"));
        keys = start(Duration.ofMillis(200), Duration.ofSeconds(10));
        Set<String> revoked = new CopyOnWriteArraySet<>();
        keys.onKeysRemoved(revoked::addAll);
        assertThat(keys.apply(jwt("old-key")).collectList().block()).hasSize(1);

        publish(rsa("new-key"));

        await().atMost(Duration.ofSeconds(30)).until(() -> revoked.contains("old-key"));
        assertThat(keys.apply(jwt("old-key")).collectList().block()).isEmpty();
    }

    @Test
    void fetchesAgainAtOnceForARotatedInKey() throws Exception {
        publish(rsa("k1"));
        keys = start(Duration.ofMinutes(5), Duration.ZERO);
        assertThat(keys.apply(jwt("k1")).collectList().block()).hasSize(1);

        publish(rsa("k1"), rsa("k2"));

        assertThat(keys.apply(jwt("k2")).collectList().block()).hasSize(1);
    }

    private RefreshingJwks start(Duration refresh, Duration minRefetch) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/jwks", exchange -> {
            byte[] body = published.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String uri = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
        return new RefreshingJwks(WebClient.create(), uri, refresh, minRefetch);
    }

    private void publish(RSAKey... keys) {
        published.set(new JWKSet(java.util.List.of(keys)).toString());
    }

    private static RSAKey rsa(String kid) {
        return new RSAKey.Builder((RSAPublicKey) TestTokens.publicKey())
                .keyID(kid)
                .build();
    }

    private static SignedJWT jwt(String kid) {
        return new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                new JWTClaimsSet.Builder().subject("s").build());
    }
}
