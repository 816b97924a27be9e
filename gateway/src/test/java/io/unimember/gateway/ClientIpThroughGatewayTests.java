package io.unimember.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.testsupport.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code X-Client-Ip} behind a trusted proxy: these tests call from 127.0.0.1, trusted here as a load balancer
 * would be, so the client is the one {@code X-Forwarded-For} names (its own context: the other tests trust no proxy).
 */
@TestPropertySource(properties = "unimember.gateway.trusted-proxies=127.0.0.1/32")
class ClientIpThroughGatewayTests extends GatewayTestSupport {

    @Test
    void theClientIsTheAddressTheTrustedProxyForwardedFor() {
        Map<String, List<String>> seen = forwarded(headers -> {
            headers.set("X-Forwarded-For", "203.0.113.9");
            headers.set("X-Client-Ip", "192.0.2.66");
            headers.set("X-Device-Id", "android-42");
        });

        assertThat(seen.get("x-client-ip")).containsExactly("203.0.113.9");
        assertThat(seen.get("x-device-id")).containsExactly("android-42");
        assertThat(seen).doesNotContainKey("x-forwarded-for");
    }

    @Test
    void theClientIsTheRightMostAddressThatIsNoTrustedProxy() {
        Map<String, List<String>> seen =
                forwarded(headers -> headers.set("X-Forwarded-For", "198.51.100.7, 127.0.0.1"));

        assertThat(seen.get("x-client-ip")).containsExactly("198.51.100.7");
    }

    @Test
    void anIpv6ClientIsWrittenInItsShortForm() {
        Map<String, List<String>> seen = forwarded(headers -> headers.set("X-Forwarded-For", "2001:DB8:0:0:0:0:0:1"));

        assertThat(seen.get("x-client-ip")).containsExactly("2001:db8::1");
    }

    @Test
    void garbageInForwardedForLeavesThePeerWhichIsLoopbackSoNoClientIp() {
        Map<String, List<String>> seen = forwarded(headers -> {
            headers.set("X-Forwarded-For", "not-an-ip");
            headers.set("X-Client-Ip", "192.0.2.66");
        });

        assertThat(seen).doesNotContainKeys("x-client-ip", "x-forwarded-for");
        assertThat(seen.get("x-member-id")).hasSize(1);
    }

    @Test
    void aTrustedLoopbackPeerThatForwardsForNobodyIsNoClient() {
        Map<String, List<String>> seen = forwarded(headers -> headers.set("X-Client-Ip", "192.0.2.66"));

        assertThat(seen).doesNotContainKey("x-client-ip");
        assertThat(seen.get("x-member-id")).hasSize(1);
    }

    /** What the service behind the gateway saw of a member's GET with the headers a client (or its proxy) added. */
    private Map<String, List<String>> forwarded(Consumer<HttpHeaders> clientHeaders) {
        byte[] body = client.get()
                .uri("/api/v1/members/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.member("m-" + UUID.randomUUID()))
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
