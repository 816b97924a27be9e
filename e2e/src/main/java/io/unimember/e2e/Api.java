package io.unimember.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client for the public API, as a BU, merchant or app developer would call it. */
final class Api {

    record Reply(int status, JsonNode body, String raw) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String text(String field) {
            return body.path(field).asString("");
        }

        long number(String field) {
            return body.path(field).asLong(0);
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;

    Api(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    Reply get(String path, @Nullable String token) {
        return send(request(path, token).GET());
    }

    Reply get(String path, @Nullable String token, String accept) {
        return send(request(path, token).header("Accept", accept).GET());
    }

    Reply post(String path, @Nullable String token, @Nullable Object body) {
        return send(withBody(request(path, token), "POST", body));
    }

    /**
     * Posts for a member registered a moment ago: points-service learns of a registration from member-service's
     * event, so until then it answers {@code 404 MEMBER_NOT_FOUND} with nothing written, and the caller sends the
     * same request again (docs/api.md; decision 0033), here for up to 30 s.
     */
    Reply postForNewMember(String path, @Nullable String token, Object body) {
        long giveUp = System.nanoTime() + 30_000_000_000L;
        Reply reply = post(path, token, body);
        while (reply.status() == 404
                && "MEMBER_NOT_FOUND".equals(reply.body().path("code").asString())
                && System.nanoTime() - giveUp < 0) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return reply;
            }
            reply = post(path, token, body);
        }
        return reply;
    }

    /** A POST with extra headers ({@code X-Device-Id}, {@code X-Forwarded-For}, {@code Idempotency-Key}, ...). */
    Reply post(String path, @Nullable String token, @Nullable Object body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, token);
        headers.forEach(request::header);
        return send(withBody(request, "POST", body));
    }

    Reply put(String path, @Nullable String token, @Nullable Object body) {
        return send(withBody(request(path, token), "PUT", body));
    }

    Reply postWithKey(String path, String token, String idempotencyKey, Object body) {
        return send(withBody(request(path, token).header("Idempotency-Key", idempotencyKey), "POST", body));
    }

    /** A form post, as to the OAuth2 token endpoint. */
    Reply postForm(String path, Map<String, String> fields) {
        return send(request(path, null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    /** An OAuth2 client-credentials token for a BU, merchant or admin client. */
    String clientToken(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        Reply reply = send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "client_credentials")))));
        if (!reply.ok()) {
            throw new IllegalStateException("no token for " + clientId + ": " + reply.status() + " " + reply.raw());
        }
        return reply.text("access_token");
    }

    private HttpRequest.Builder request(String path, @Nullable String token) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private HttpRequest.Builder withBody(HttpRequest.Builder builder, String method, @Nullable Object body) {
        String text = body == null ? "" : json.writeValueAsString(body);
        return builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(text));
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body =
                    raw.isBlank() || !raw.trim().startsWith("{") && !raw.trim().startsWith("[")
                            ? json.createObjectNode()
                            : json.readTree(raw);
            return new Reply(response.statusCode(), body, raw);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
