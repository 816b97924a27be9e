package io.unimember.points;

import io.unimember.testsupport.TestHttp;
import io.unimember.testsupport.TestTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running service over HTTP as its clients do. */
public class Api {

    /** A response: status, body as JSON (or null) and the raw text. */
    public record Reply(int status, @Nullable JsonNode json, String raw) {

        public long number(String field) {
            return json().path(field).asLong();
        }

        public String text(String field) {
            return json().path(field).asString();
        }

        public String code() {
            return json() == null ? "" : json().path("code").asString();
        }

        @Override
        public JsonNode json() {
            if (json == null) {
                throw new AssertionError("no JSON body: " + status + " " + raw);
            }
            return json;
        }
    }

    /**
     * Where {@link #newMember} registers its members, as {@code member.registered} would: the one integration
     * context's database (every integration test class shares it), set when that context makes its {@code Api}.
     */
    private static volatile @Nullable Consumer<String> registry;

    private final TestHttp http;
    private final JsonMapper json;
    private final Clock clock;

    Api(Environment environment, JsonMapper json, Clock clock, JdbcClient jdbc, TransactionTemplate tx) {
        this.http = TestHttp.to(environment);
        this.json = json;
        this.clock = clock;
        // connections start with autocommit off: the row is written in a transaction, like everything else
        registry = memberId -> tx.executeWithoutResult(status -> jdbc.sql(
                        "INSERT INTO known_member (member_id, registered_at) VALUES (?, CURRENT_TIMESTAMP(6))")
                .param(memberId)
                .update());
    }

    /** A new member id that points-service knows (registered); {@link #unknownMember} is one it does not. */
    public static String newMember() {
        String memberId = unknownMember();
        Consumer<String> register = registry;
        if (register != null) {
            register.accept(memberId);
        }
        return memberId;
    }

    /** A member id no one registered. */
    public static String unknownMember() {
        return "m-" + UUID.randomUUID();
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public Reply order(String bu, String memberId, String orderId, long amountFen) {
        return post("/api/v1/bu/orders", TestTokens.bu(bu), orderBody(memberId, orderId, amountFen, clock.instant()));
    }

    public Map<String, Object> orderBody(String memberId, String orderId, long amountFen, Instant occurredAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", orderId);
        body.put("memberId", memberId);
        body.put("amountFen", amountFen);
        body.put("occurredAt", occurredAt.toString());
        return body;
    }

    public Reply hold(String bu, String memberId, String holdId, long points) {
        return hold(bu, memberId, holdId, points, "ref-" + holdId);
    }

    public Reply hold(String bu, String memberId, String holdId, long points, String orderRef) {
        return post(
                "/api/v1/points/holds",
                TestTokens.bu(bu),
                Map.of("holdId", holdId, "memberId", memberId, "points", points, "orderRef", orderRef));
    }

    /** Pays part of an order with points: a hold with the order as its reference, confirmed. */
    public void spendOn(String bu, String memberId, String orderId, long points) {
        String holdId = newId("h");
        Reply held = hold(bu, memberId, holdId, points, orderId);
        if (held.status() != 201 || confirm(bu, holdId).status() != 200) {
            throw new IllegalStateException("could not spend " + points + " points on " + orderId + ": " + held.raw());
        }
    }

    public Reply confirm(String bu, String holdId) {
        return post("/api/v1/points/holds/" + holdId + "/confirm", TestTokens.bu(bu), null);
    }

    public Reply cancel(String bu, String holdId) {
        return post("/api/v1/points/holds/" + holdId + "/cancel", TestTokens.bu(bu), null);
    }

    public Reply refund(String bu, String orderId, String refundId, long amountFen) {
        return post(
                "/api/v1/bu/orders/" + orderId + "/refunds",
                TestTokens.bu(bu),
                Map.of("refundId", refundId, "amountFen", amountFen));
    }

    public Reply me(String memberId) {
        return get("/api/v1/points/me", TestTokens.member(memberId));
    }

    public Reply get(String path, @Nullable String token) {
        return send(HttpMethod.GET, path, token, null);
    }

    public Reply post(String path, @Nullable String token, @Nullable Object body) {
        return send(HttpMethod.POST, path, token, body == null ? null : json.writeValueAsString(body));
    }

    /** A GET asking for CSV: status and the raw body. */
    public Reply getCsv(String path, @Nullable String token) {
        var response = http.send(HttpMethod.GET, path, token, null, Map.of("Accept", "text/csv"));
        return new Reply(response.getStatusCode().value(), null, response.getBody() == null ? "" : response.getBody());
    }

    public Reply postRaw(String path, @Nullable String token, String rawJson) {
        return send(HttpMethod.POST, path, token, rawJson);
    }

    private Reply send(HttpMethod method, String path, @Nullable String token, @Nullable String body) {
        var response = http.send(method, path, token, body);
        String raw = response.getBody() == null ? "" : response.getBody();
        JsonNode node = null;
        if (!raw.isBlank()) {
            try {
                node = json.readTree(raw);
            } catch (RuntimeException notJson) {
                node = null;
            }
        }
        return new Reply(response.getStatusCode().value(), node, raw);
    }
}
