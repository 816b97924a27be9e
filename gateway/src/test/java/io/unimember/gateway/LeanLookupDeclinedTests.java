package io.unimember.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.unimember.testsupport.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * member-service's lookup listener declines what it does not answer with {@code 421 Misdirected Request}: the lean
 * path then hands the request to the full path, which sends it to the service's main port, and the client gets the
 * main port's answer, never the 421.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeanLookupDeclinedTests {

    private static final String LOOKUP = "/api/v1/members/me/entitlements?scene=NOWHERE";
    /** A listener that declines everything, counting what it was asked. */
    private static final Declining LISTENER = new Declining();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    WebTestClient client;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        GatewayTestSupport.servicesAt(registry, StubService.shared().uri());
        registry.add("unimember.services.member-lookup", LISTENER::uri);
        registry.add("spring.data.redis.host", TestRedis::host);
        registry.add("spring.data.redis.port", TestRedis::port);
    }

    @AfterAll
    static void stop() {
        LISTENER.server.stop(0);
    }

    @BeforeEach
    void client() {
        client = GatewayTestSupport.clientOf(port);
    }

    @Test
    void aDeclinedLookupIsAnsweredByTheMainPortThroughTheFullPath() {
        String token = TestTokens.member("m-" + UUID.randomUUID());
        lookup(token); // the first lookup verifies the token on the full path; the next one takes the lean path
        int asked = LISTENER.asked.get();
        double declined = meters.get("unimember.gateway.lookup.declined")
                .functionCounter()
                .count();

        EntityExchangeResult<byte[]> answer = lookup(token);

        assertThat(LISTENER.asked.get()).as("the lean path asked the listener").isEqualTo(asked + 1);
        assertThat(meters.get("unimember.gateway.lookup.declined")
                        .functionCounter()
                        .count())
                .isEqualTo(declined + 1);
        assertThat(answer.getStatus().value()).isEqualTo(200);
        Map<String, Object> seen = GatewayTestSupport.echo(answer.getResponseBody());
        assertThat(seen.get("path")).isEqualTo("/api/v1/members/me/entitlements");
        assertThat(seen.get("query")).isEqualTo("scene=NOWHERE");
        assertThat(GatewayTestSupport.forwardedHeaders(answer.getResponseBody()).get("authorization"))
                .containsExactly("Bearer " + token);
    }

    private EntityExchangeResult<byte[]> lookup(String token) {
        return client.get()
                .uri(LOOKUP)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectBody()
                .returnResult();
    }

    private static final class Declining {

        final HttpServer server;
        final AtomicInteger asked = new AtomicInteger();

        Declining() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                try (exchange) {
                    asked.incrementAndGet();
                    byte[] body = "{\"status\":421}".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                    exchange.sendResponseHeaders(421, body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }
    }
}
