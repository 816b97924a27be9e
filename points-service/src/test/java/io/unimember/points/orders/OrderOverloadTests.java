package io.unimember.points.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.unimember.points.Api;
import io.unimember.points.PointsIntegrationTest;
import io.unimember.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * With every intake turn taken, an order is answered {@code 503 SERVICE_OVERLOADED} with {@code Retry-After} at once
 * and changes nothing, so the same order sent again later is taken. (Its own context: one turn, no waiting.)
 */
@PointsIntegrationTest
class OrderOverloadTests {

    @DynamicPropertySource
    static void oneTurnNoWait(DynamicPropertyRegistry registry) {
        registry.add("unimember.points.intake-concurrency", () -> "1");
        registry.add("unimember.points.intake-queue-wait", () -> "PT0S");
    }

    @Autowired
    Api api;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Autowired
    MeterRegistry registry;

    @Autowired
    JsonMapper json;

    @Test
    void anOrderFindingNoTurnIsTurnedAwayAndCanBeSentAgain() throws Exception {
        String busy = Api.newMember();
        assertThat(api.order("FOOD_DELIVERY", busy, Api.newId("o"), 1_000).status())
                .isEqualTo(201);
        String other = Api.newMember();
        String orderId = Api.newId("o");
        CompletableFuture<Api.Reply> holding = new CompletableFuture<>();
        HttpResponse<String> turnedAway = tx.execute(status -> {
            // hold the busy member's balance row, so that its next order keeps the one turn while it waits for it
            jdbc.sql("SELECT member_id FROM member_balance WHERE member_id = ? FOR UPDATE")
                    .param(busy)
                    .query(String.class)
                    .single();
            Thread.ofVirtual().start(() -> holding.complete(api.order("FOOD_DELIVERY", busy, Api.newId("o"), 1_000)));
            try {
                // the busy order holds the one turn while it waits for the row
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> registry.get("unimember.orders.in.progress")
                                        .gauge()
                                        .value()
                                >= 1);
                return send(other, orderId);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(holding.get(1, TimeUnit.MINUTES).status()).isEqualTo(201);

        assertThat(turnedAway.statusCode()).as(turnedAway.body()).isEqualTo(503);
        assertThat(turnedAway.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(json.readTree(turnedAway.body()).path("code").asString()).isEqualTo("SERVICE_OVERLOADED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM bu_order WHERE bu = 'FOOD_DELIVERY' AND order_id = ?")
                        .param(orderId)
                        .query(Long.class)
                        .single())
                .isZero();

        assertThat(send(other, orderId).statusCode()).isEqualTo(201);
        assertThat(api.me(other).number("available")).isEqualTo(10);
    }

    private HttpResponse<String> send(String member, String orderId) throws Exception {
        String body = json.writeValueAsString(api.orderBody(member, orderId, 1_000, Instant.now()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + environment.getProperty("local.server.port") + "/api/v1/bu/orders"))
                .header("Authorization", "Bearer " + TestTokens.bu("FOOD_DELIVERY"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
