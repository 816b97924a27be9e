package io.unimember.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.testsupport.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;

/**
 * What crosses the gateway in headers: services may trust identity headers only because the gateway alone sets them,
 * from the verified token; connection-level and proxy headers stop at the gateway; everything else passes once.
 */
class IdentityHeadersTests extends GatewayTestSupport {

    @Autowired
    ApplicationContext context;

    @Test
    void replacesSpoofedIdentityWithTheMemberFromTheToken() {
        String member = "m-" + UUID.randomUUID();
        Map<String, List<String>> seen = forwarded("/api/v1/members/me", TestTokens.member(member));

        assertThat(seen.get("x-member-id")).containsExactly(member);
        assertThat(seen.get("x-forwarded-user")).containsExactly(member);
        assertThat(seen.get("x-scopes")).containsExactly("member");
        assertThat(seen).doesNotContainKeys("x-bu", "x-merchant-id", "x-client-id", "x-unimember-admin");
    }

    @Test
    void dropsWhatAClientClaimsAboutProxiesBeforeIt() {
        // no proxy before the gateway is trusted, so neither kind of forwarding header a client sends goes on
        Map<String, List<String>> seen =
                forwarded("/api/v1/members/me", TestTokens.member("m-" + UUID.randomUUID()), headers -> {
                    headers.set("Forwarded", "for=203.0.113.9;proto=https");
                    headers.set("X-Forwarded-For", "203.0.113.9");
                    headers.set("X-Forwarded-Host", "evil.example");
                });

        assertThat(seen).doesNotContainKeys("forwarded", "x-forwarded-for", "x-forwarded-host");
    }

    @Test
    void dropsAClientsOwnClientIpAndSetsNoneForACallerOnThisMachine() {
        // no proxy is trusted here, and the tests call from 127.0.0.1: a loopback peer is no client address
        Map<String, List<String>> seen =
                forwarded("/api/v1/members/me", TestTokens.member("m-" + UUID.randomUUID()), headers -> {
                    headers.set("X-Client-Ip", "198.51.100.23");
                    headers.set("X-Forwarded-For", "203.0.113.9");
                });

        assertThat(seen).doesNotContainKeys("x-client-ip", "x-forwarded-for");
        assertThat(seen.get("x-member-id")).hasSize(1);
    }

    @Test
    void passesTheDeviceIdUnchanged() {
        String device = "ios-8F14E45F-CEEA-467F-A8D4-2C4B1E6A9F3B; build=3.2.1";
        Map<String, List<String>> seen = forwarded(
                "/api/v1/members/me",
                TestTokens.member("m-" + UUID.randomUUID()),
                headers -> headers.set("X-Device-Id", device));
        byte[] signIn = client.post()
                .uri("/api/v1/auth/login")
                .header("X-Device-Id", device)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();

        assertThat(seen.get("x-device-id")).containsExactly(device);
        assertThat(forwardedHeaders(signIn).get("x-device-id")).containsExactly(device);
    }

    @Test
    void forwardsOrdinaryHeadersOnceWithAllTheirValuesAndNoHopByHopOnes() {
        Map<String, List<String>> seen =
                forwarded("/api/v1/members/me", TestTokens.member("m-" + UUID.randomUUID()), headers -> {
                    headers.set(HttpHeaders.CONNECTION, "keep-alive, X-Hop-Secret");
                    headers.set("X-Hop-Secret", "for the next hop only");
                    headers.set("Keep-Alive", "timeout=5");
                    headers.set(HttpHeaders.PROXY_AUTHORIZATION, "Basic cHJveHk6c2VjcmV0");
                    headers.set(HttpHeaders.TE, "trailers");
                    headers.set("X-Application-Context", "client");
                    headers.addAll(HttpHeaders.ACCEPT_LANGUAGE, List.of("zh-CN", "en"));
                    headers.set("X-Client-Version", "3.2.1");
                });

        assertThat(seen)
                .doesNotContainKeys("x-hop-secret", "keep-alive", "proxy-authorization", "te", "x-application-context");
        assertThat(seen.get("accept-language")).containsExactly("zh-CN", "en");
        assertThat(seen.get("x-client-version")).containsExactly("3.2.1");
        assertThat(seen.get("authorization")).hasSize(1);
    }

    @Test
    void passesTheServicesOwnAnswerHeadersButNotItsHopByHopOnes() {
        HttpHeaders answer = client.get()
                .uri("/api/v1/members/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.member("m-" + UUID.randomUUID()))
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(byte[].class)
                .getResponseHeaders();

        assertThat(answer.get("X-Stub")).containsExactly("kept");
        assertThat(answer.containsHeader(HttpHeaders.PROXY_AUTHENTICATE)).isFalse();
        assertThat(answer.containsHeader("X-Application-Context")).isFalse();
    }

    @Test
    void springCloudGatewaysCopyingHeaderFiltersAreReplacedByOurs() {
        // theirs would copy every header again, and ours must be the ones doing their work
        assertThat(context.getBeansOfType(HttpHeadersFilter.class).values())
                .extracting(filter -> filter.getClass().getSimpleName())
                .containsExactlyInAnyOrder(
                        "RequestHeadersFilter", "ResponseHeadersFilter", "TransferEncodingNormalizationHeadersFilter");
    }

    @Test
    void setsTheMerchantAndItsBuFromTheToken() {
        Map<String, List<String>> seen =
                forwarded("/open/v1/members/m1", TestTokens.merchant("merchant-demo", "ENTERTAINMENT"));

        assertThat(seen.get("x-merchant-id")).containsExactly("merchant-demo");
        assertThat(seen.get("x-bu")).containsExactly("ENTERTAINMENT");
        assertThat(seen.get("x-client-id")).containsExactly("merchant-demo");
        assertThat(seen.get("x-scopes").getFirst().split(" "))
                .containsExactlyInAnyOrder("merchant:members", "merchant:verify");
        assertThat(seen).doesNotContainKeys("x-member-id", "x-unimember-admin");
    }

    @Test
    void dropsEveryIdentityHeaderOnPublicPaths() {
        byte[] body = client.post()
                .uri("/api/v1/auth/login")
                .header("X-Member-Id", "someone-else")
                .header("X-Bu", "HOTEL")
                .header("X-Scopes", "admin")
                .header("X-Forwarded-User", "admin")
                .header("x-unimember-anything", "1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();

        assertThat(forwardedHeaders(body))
                .doesNotContainKeys(
                        "x-member-id", "x-bu", "x-scopes", "x-forwarded-user", "x-unimember-anything", "x-client-id");
    }

    private Map<String, List<String>> forwarded(String path, String token) {
        return forwarded(path, token, headers -> {
            headers.set("X-Member-Id", "someone-else");
            headers.set("x-bu", "HOTEL");
            headers.set("X-Merchant-Id", "another-merchant");
            headers.set("X-Client-Id", "admin");
            headers.set("X-Scopes", "admin");
            headers.set("X-Forwarded-User", "admin");
            headers.set("X-Unimember-Admin", "true");
        });
    }

    /** What the service behind the gateway saw of a GET with the token and the headers a client added. */
    private Map<String, List<String>> forwarded(String path, String token, Consumer<HttpHeaders> clientHeaders) {
        byte[] body = client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .headers(clientHeaders)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return forwardedHeaders(body);
    }
}
