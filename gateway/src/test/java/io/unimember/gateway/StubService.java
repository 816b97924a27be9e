package io.unimember.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for a service behind the gateway: answers every request with what it received (method, path, headers
 * with lower-case names), as the gateway's tests need to see what was forwarded. {@code /slow} answers after 5 s.
 * It also echoes a request id and a CORS header, as a real service might, and two hop-by-hop headers, to prove the
 * gateway drops them. A query containing {@code slow=true} also answers after 5 s.
 */
final class StubService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static volatile StubService shared;

    private final HttpServer server;

    private StubService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::echo);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    static synchronized StubService shared() {
        if (shared == null) {
            shared = new StubService();
        }
        return shared;
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A loopback URI where nothing listens: a stopped service. Connections to it are refused at once. */
    static String stopped() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void echo(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String query = exchange.getRequestURI().getRawQuery();
            if (exchange.getRequestURI().getPath().endsWith("/slow")
                    || (query != null && query.contains("slow=true"))) {
                Thread.sleep(5000);
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("method", exchange.getRequestMethod());
            body.put("path", exchange.getRequestURI().getRawPath());
            body.put("query", query == null ? "" : query);
            body.put("headers", headers);
            byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Request-Id", "set-by-the-service");
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            // two hop-by-hop headers the gateway must not pass on, and one of the service's own that it must
            exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"stub\"");
            exchange.getResponseHeaders().add("X-Application-Context", "stub");
            exchange.getResponseHeaders().add("X-Stub", "kept");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
