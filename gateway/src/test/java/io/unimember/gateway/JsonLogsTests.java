package io.unimember.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.testsupport.TestJwks;
import io.unimember.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code UNIMEMBER_LOG_JSON=true} gives the gateway the services' structured logs: one ECS JSON object per line, and
 * a line about a request carries its {@code requestId} and the {@code traceId} of its W3C {@code traceparent}.
 * Started as its own application (not a cached test context), since the switch acts before logging starts.
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsTests {

    @Test
    void withTheSwitchOnALineAboutARequestIsJsonWithItsRequestAndTraceIds(CapturedOutput output) throws Exception {
        String requestId = "json-logs-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String stopped = StubService.stopped();
        try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .run(arguments(stopped, "--unimember.log.json=true"))) {
            int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();

            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/points/me"))
                                    .header("Authorization", "Bearer " + TestTokens.member("m-" + UUID.randomUUID()))
                                    .header("X-Request-Id", requestId)
                                    .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(503);
        }
        List<JsonNode> lines = Arrays.stream(output.getOut().split("\\R"))
                .filter(line -> line.startsWith("{"))
                .map(line -> JsonMapper.builder().build().readTree(line))
                .toList();
        assertThat(lines).as("the console is JSON").isNotEmpty();
        JsonNode failure = lines.stream()
                .filter(line -> requestId.equals(line.path("requestId").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no JSON line with requestId " + requestId + ":\n" + output));
        assertThat(failure.path("traceId").asString()).isEqualTo(traceId);
        assertThat(failure.path("message").asString()).contains("points-service call failed");
        assertThat(failure.toString()).contains("\"WARN\"").contains("\"gateway\"");
        assertThat(output.getOut()).as("lines not about a request carry no ids").doesNotContain("\"requestId\":\"\"");
    }

    @Test
    void withoutTheSwitchTheLinesArePlainTextWithTheIdsInBrackets(CapturedOutput output) throws Exception {
        String requestId = "plain-logs-" + UUID.randomUUID();
        String stopped = StubService.stopped();
        try (ConfigurableApplicationContext gateway =
                new SpringApplicationBuilder(GatewayApplication.class).run(arguments(stopped))) {
            int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tiers/me"))
                                    .header("Authorization", "Bearer " + TestTokens.member("m-" + UUID.randomUUID()))
                                    .header("X-Request-Id", requestId)
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
        }

        assertThat(output.getOut()).contains("[gateway,," + requestId + "]").contains("tier-service call failed");
    }

    /** Logback keeps the first structured format it saw in a system property: give later contexts a clean JVM. */
    @AfterEach
    void forgetTheLogFormat() {
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
    }

    /** Every service behind a closed port, so a routed request fails and the gateway logs it. */
    private static String[] arguments(String stopped, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--unimember.security.issuer=" + TestTokens.ISSUER,
                "--unimember.security.jwks-uri=" + TestJwks.uri(),
                "--spring.data.redis.host=" + TestRedis.host(),
                "--spring.data.redis.port=" + TestRedis.port()));
        for (String service : List.of("member", "points", "coupon", "tier", "settlement", "insight")) {
            args.add("--unimember.services." + service + "=" + stopped);
        }
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
