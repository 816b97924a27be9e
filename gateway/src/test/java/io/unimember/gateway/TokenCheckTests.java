package io.unimember.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.testsupport.TestTokens;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** The token matrix at the gateway: every token an attacker or a stale client could bring is refused before routing. */
class TokenCheckTests extends GatewayTestSupport {

    static Stream<Arguments> invalidTokens() {
        String member = "m-" + UUID.randomUUID();
        return Stream.of(
                Arguments.of("expired", (Supplier<String>) () -> TestTokens.builder()
                        .subject(member)
                        .claim("member_id", member)
                        .scope("member")
                        .expired()
                        .build()),
                Arguments.of("signed by another key", (Supplier<String>) () -> TestTokens.builder()
                        .subject(member)
                        .claim("member_id", member)
                        .scope("member")
                        .signedWith(TestTokens.newKeyPair().getPrivate(), TestTokens.KID)
                        .build()),
                Arguments.of("alg none", (Supplier<String>) () -> HostileTokens.algNone(member)),
                Arguments.of(
                        "HS256 with the public key", (Supplier<String>) () -> HostileTokens.hs256WithPublicKey(member)),
                Arguments.of("wrong issuer", (Supplier<String>) () -> TestTokens.builder()
                        .issuer("http://evil.example")
                        .subject(member)
                        .claim("member_id", member)
                        .scope("member")
                        .build()),
                Arguments.of("wrong audience", (Supplier<String>) () -> TestTokens.builder()
                        .audience("someone-else")
                        .subject(member)
                        .claim("member_id", member)
                        .scope("member")
                        .build()),
                Arguments.of("garbage", (Supplier<String>) () -> "not.a.jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTokens")
    void refusesInvalidTokensWith401Problem(String kind, Supplier<String> token) {
        var result = client.get()
                .uri("/api/v1/members/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token.get())
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectBody()
                .returnResult();
        assertProblem(result, 401, "UNAUTHORIZED");
    }

    @Test
    void refusesAMissingTokenWith401Problem() {
        var result = client.get()
                .uri("/api/v1/points/me")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .returnResult();
        assertProblem(result, 401, "UNAUTHORIZED");
    }

    @Test
    void refusesAValidTokenWithoutTheScopeWith403Problem() {
        var result = client.get()
                .uri("/api/v1/admin/clients")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.member("m-" + UUID.randomUUID()))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"")
                .expectBody()
                .returnResult();
        assertProblem(result, 403, "INSUFFICIENT_SCOPE");
    }

    @Test
    void letsAValidTokenThroughAndForwardsIt() {
        String token = TestTokens.member("m-" + UUID.randomUUID());
        for (int i = 0; i < 2; i++) { // the second time from the verified-token cache
            byte[] body = client.get()
                    .uri("/api/v1/members/me")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .returnResult()
                    .getResponseBody();
            assertThat(forwardedHeaders(body).get("authorization")).containsExactly("Bearer " + token);
            assertThat(echo(body).get("path")).isEqualTo("/api/v1/members/me");
        }
    }

    private static void assertProblem(EntityExchangeResult<byte[]> result, int status, String code) {
        Map<String, Object> problem = problem(result.getResponseBody());
        assertThat(problem)
                .containsEntry("status", status)
                .containsEntry("code", code)
                .containsKeys("type", "title", "detail");
        // the services' format (W3C, 32 hex), the same 128 bits as the generated request id
        assertThat(problem.get("traceId"))
                .isEqualTo(io.unimember.gateway.web.TraceIds.fromRequestId(
                        result.getResponseHeaders().getFirst("X-Request-Id")))
                .asString()
                .matches("[0-9a-f]{32}");
    }
}
