package io.unimember.testsupport;

import java.util.Map;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Calls the app under test over real HTTP as its clients do, with a bearer token or none. Every status is an answer
 * a test checks (a 400 or a 401 included), never an exception.
 */
public final class TestHttp {

    private final IntSupplier port;
    private volatile @Nullable RestClient client;

    private TestHttp(IntSupplier port) {
        this.port = port;
    }

    public static TestHttp toPort(int port) {
        return new TestHttp(() -> port);
    }

    /** The app of this test context, on its {@code local.server.port} (read at the first call: the port is known once the server runs). */
    public static TestHttp to(Environment environment) {
        return new TestHttp(() -> environment.getRequiredProperty("local.server.port", Integer.class));
    }

    /** The client itself, for a request of a shape the methods here do not make (a form, a typed body). */
    public RestClient client() {
        RestClient c = client;
        if (c == null) {
            c = RestClient.builder()
                    .baseUrl("http://127.0.0.1:" + port.getAsInt())
                    .defaultStatusHandler(status -> true, (request, response) -> {})
                    .build();
            client = c;
        }
        return c;
    }

    public ResponseEntity<String> get(String path, @Nullable String token) {
        return send(HttpMethod.GET, path, token, null);
    }

    public ResponseEntity<String> post(String path, @Nullable String token, @Nullable String json) {
        return send(HttpMethod.POST, path, token, json);
    }

    public ResponseEntity<String> put(String path, @Nullable String token, String json) {
        return send(HttpMethod.PUT, path, token, json);
    }

    public ResponseEntity<String> send(HttpMethod method, String path, @Nullable String token, @Nullable String json) {
        return send(method, path, token, json, Map.of());
    }

    /** A request with a JSON body (or none) and extra headers ({@code Accept}, {@code Idempotency-Key}, ...). */
    public ResponseEntity<String> send(
            HttpMethod method,
            String path,
            @Nullable String token,
            @Nullable String json,
            Map<String, String> headers) {
        var request = client().method(method).uri(path);
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        for (var header : headers.entrySet()) {
            request = request.header(header.getKey(), header.getValue());
        }
        if (json != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return request.retrieve().toEntity(String.class);
    }
}
