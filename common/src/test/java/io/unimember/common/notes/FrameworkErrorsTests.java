package io.unimember.common.notes;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What never reaches a controller (the firewall's rejections, the container's own errors, an unknown path) is
 * answered as problem+json like everything else, with a W3C trace id and nothing of the framework's internals. Sent
 * over a raw socket: an HTTP client would normalize the very requests this is about.
 */
@IntegrationTest
class FrameworkErrorsTests {

    @LocalServerPort
    int port;

    @Test
    void aTraceRequestIsAProblem() throws IOException {
        assertProblem(send("TRACE /api/v1/notes HTTP/1.1"), 405, 400);
    }

    @Test
    void aQueryRequestIsAProblem() throws IOException {
        assertProblem(send("QUERY /api/v1/notes HTTP/1.1"), 405, 400);
    }

    @Test
    void anEncodedPercentInThePathIsAProblem() throws IOException {
        assertProblem(send("GET /api/v1/notes/%25 HTTP/1.1"), 404, 400);
    }

    @Test
    void anUnknownPathIsANotFoundProblemNamingNoStaticResource() throws IOException {
        for (String method : new String[] {"GET", "POST"}) {
            Response response = send(method + " /oauth2/revoke HTTP/1.1");

            assertProblem(response, 405, 404);
            assertThat(response.body()).doesNotContainIgnoringCase("static resource");
        }
        assertThat(assertProblem(send("GET /oauth2/revoke HTTP/1.1"), 404, 404)
                        .path("code")
                        .asString())
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void theErrorPathItselfIsANotFoundProblem() throws IOException {
        assertProblem(send("GET /error HTTP/1.1"), 404, 404);
    }

    @Test
    void anApplicationProblemCarriesAW3cTraceIdToo() throws IOException {
        Response response = send("POST /api/v1/public/ping HTTP/1.1");

        assertThat(assertProblem(response, 429, 429).path("code").asString()).isEqualTo("SLOW_DOWN");
    }

    /** The status is within [low, high]; the body is problem+json of the design's shape, nothing else. */
    private static JsonNode assertProblem(Response response, int high, int low) {
        assertThat(response.status()).as(response.head()).isBetween(Math.min(low, high), Math.max(low, high));
        assertThat(response.head()).containsIgnoringCase("Content-Type: application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(response.status());
        assertThat(problem.path("code").asString()).matches("[A-Z][A-Z0-9_]*");
        assertThat(problem.path("traceId").asString()).matches("[0-9a-f]{32}");
        assertThat(problem.path("type").asString()).startsWith("https://unimember.io/problems/");
        assertThat(problem.has("title")).isTrue();
        assertThat(problem.has("timestamp")).isFalse();
        assertThat(problem.has("error")).isFalse();
        return problem;
    }

    private Response send(String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            String request = requestLine + "\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + TestTokens.member("m-" + UUID.randomUUID())
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return Response.parse(all.toString(StandardCharsets.UTF_8));
        }
    }

    record Response(int status, String head, String body) {

        static Response parse(String raw) {
            int split = raw.indexOf("\r\n\r\n");
            String head = split < 0 ? raw : raw.substring(0, split);
            String body = split < 0 ? "" : raw.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Response(Integer.parseInt(head.split(" ")[1]), head, body);
        }

        private static String unchunk(String chunked) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (at < chunked.length()) {
                int end = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, end).trim(), 16);
                if (size == 0) {
                    break;
                }
                body.append(chunked, end + 2, end + 2 + size);
                at = end + 2 + size + 2;
            }
            return body.toString();
        }
    }
}
