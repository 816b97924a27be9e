package io.unimember.gateway.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/**
 * {@code X-Client-Ip} as the request filter sets it, for peers the gateway's own tests cannot be (they all call from
 * 127.0.0.1).
 */
class RequestHeadersFilterTests {

    @Test
    void aClientsOwnClientIpIsReplacedByItsPeerAddress() throws UnknownHostException {
        MockServerWebExchange exchange =
                exchange(new byte[] {(byte) 203, 0, 113, 9}, request -> request.header("X-Client-Ip", "192.0.2.66")
                        .header("x-client-ip", "192.0.2.67")
                        .header("X-Forwarded-For", "198.51.100.7")
                        .header("X-Device-Id", "ios-8F14E45F-CEEA-467F-A8D4-2C4B1E6A9F3B"));

        HttpHeaders sent = new RequestHeadersFilter(new ClientIpProperties(List.of()))
                .filter(exchange.getRequest().getHeaders(), exchange);

        assertThat(sent.get("X-Client-Ip")).containsExactly("203.0.113.9");
        assertThat(sent.get("X-Device-Id")).containsExactly("ios-8F14E45F-CEEA-467F-A8D4-2C4B1E6A9F3B");
        assertThat(sent.containsHeader("X-Forwarded-For")).isFalse();
    }

    @Test
    void behindATrustedProxyTheClientIsTheOneItsForwardedForNames() throws UnknownHostException {
        MockServerWebExchange exchange =
                exchange(new byte[] {10, 0, 0, 7}, request -> request.header("X-Forwarded-For", "203.0.113.9, 10.0.0.8")
                        .header("X-Client-Ip", "192.0.2.66"));

        HttpHeaders sent = new RequestHeadersFilter(new ClientIpProperties(List.of("10.0.0.0/8")))
                .filter(exchange.getRequest().getHeaders(), exchange);

        assertThat(sent.get("X-Client-Ip")).containsExactly("203.0.113.9");
        assertThat(sent.containsHeader("X-Forwarded-For")).isFalse();
    }

    @Test
    void aCallerOnThisMachineGetsNoClientIpEvenIfItSentOne() throws UnknownHostException {
        MockServerWebExchange exchange =
                exchange(new byte[] {127, 0, 0, 1}, request -> request.header("X-Client-Ip", "198.51.100.7"));

        HttpHeaders sent = new RequestHeadersFilter(new ClientIpProperties(List.of()))
                .filter(exchange.getRequest().getHeaders(), exchange);

        assertThat(sent.containsHeader("X-Client-Ip")).isFalse();
        assertThat(IdentityHeaderNames.isIdentity("x-CLIENT-ip")).isTrue();
    }

    @Test
    void addOwnSetsTheClientIpOnlyWhenThereIsOne() {
        Map<String, String> set = new LinkedHashMap<>();
        RequestHeadersFilter.addOwn("req-1", null, "198.51.100.7", set::put);

        assertThat(set).containsExactly(Map.entry("X-Request-Id", "req-1"), Map.entry("X-Client-Ip", "198.51.100.7"));

        set.clear();
        RequestHeadersFilter.addOwn("req-2", null, null, set::put);

        assertThat(set).containsExactly(Map.entry("X-Request-Id", "req-2"));
    }

    private static MockServerWebExchange exchange(
            byte[] peer, java.util.function.UnaryOperator<MockServerHttpRequest.BaseBuilder<?>> headers)
            throws UnknownHostException {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/v1/members/me")
                .remoteAddress(new InetSocketAddress(InetAddress.getByAddress(peer), 40000));
        return MockServerWebExchange.from(headers.apply(request).build());
    }
}
