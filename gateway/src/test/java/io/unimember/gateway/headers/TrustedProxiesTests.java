package io.unimember.gateway.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ranges of {@code unimember.gateway.trusted-proxies}: what they contain, and what is refused at start. */
class TrustedProxiesTests {

    @Test
    void containsTheAddressesOfItsRangesOnly() {
        TrustedProxies trusted = TrustedProxies.of(List.of("127.0.0.1/32", "10.0.0.0/8", " 172.16.0.0/12 "));

        assertThat(trusted.contains(bytes("127.0.0.1"))).isTrue();
        assertThat(trusted.contains(bytes("127.0.0.2"))).isFalse();
        assertThat(trusted.contains(bytes("10.255.255.255"))).isTrue();
        assertThat(trusted.contains(bytes("11.0.0.0"))).isFalse();
        assertThat(trusted.contains(bytes("172.31.255.255"))).isTrue();
        assertThat(trusted.contains(bytes("172.32.0.0"))).isFalse();
        assertThat(trusted.contains(bytes("172.15.255.255"))).isFalse();
        // an IPv4-mapped address is its IPv4 address; other IPv6 addresses are not in IPv4 ranges
        assertThat(trusted.contains(bytes("::ffff:10.1.2.3"))).isTrue();
        assertThat(trusted.contains(bytes("::1"))).isFalse();
        assertThat(trusted.isEmpty()).isFalse();
    }

    @Test
    void ipv6RangesAndSingleAddresses() {
        TrustedProxies trusted = TrustedProxies.of(List.of("2001:db8:ffff::/48", "::1", "192.0.2.10"));

        assertThat(trusted.contains(bytes("2001:db8:ffff:1::1"))).isTrue();
        assertThat(trusted.contains(bytes("2001:db8:fffe::1"))).isFalse();
        assertThat(trusted.contains(bytes("::1"))).isTrue();
        assertThat(trusted.contains(bytes("::2"))).isFalse();
        assertThat(trusted.contains(bytes("192.0.2.10"))).isTrue();
        assertThat(trusted.contains(bytes("192.0.2.11"))).isFalse();
        assertThat(trusted.contains(bytes("0.0.0.0"))).isFalse();
    }

    @Test
    void slashZeroTrustsEveryAddressOfItsFamily() {
        TrustedProxies everyIpv4 = TrustedProxies.of(List.of("0.0.0.0/0"));

        assertThat(everyIpv4.contains(bytes("203.0.113.9"))).isTrue();
        assertThat(everyIpv4.contains(bytes("2001:db8::1"))).isFalse();
    }

    @Test
    void noneTrustsNobody() {
        assertThat(TrustedProxies.of(List.of()).isEmpty()).isTrue();
        assertThat(TrustedProxies.NONE.contains(bytes("127.0.0.1"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "10.0.0.1/8",
                "10.0.0.0/33",
                "::1/129",
                "10.0.0.0/",
                "10.0.0.0/-1",
                "10.0.0.0/+8",
                "10.0.0.0/ 8",
                "10.0.0.0/0x8",
                "010.0.0.0/8",
                "10.0.0/8",
                "example.com/8",
                "localhost",
                "[::1]/128",
                ""
            })
    void refusesWhatIsNotACidrNamingTheProperty(String cidr) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TrustedProxies.of(List.of(cidr)))
                .withMessageContaining("unimember.gateway.trusted-proxies")
                .withMessageContaining("'" + cidr.strip() + "'");
    }

    @Test
    void theGatewayWillNotStartWithABadRange() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RequestHeadersFilter(new ClientIpProperties(List.of("10.0.0.1/8"))))
                .withMessageContaining("bits are set past the /8");
    }

    private static byte[] bytes(String literal) {
        byte @Nullable [] address = IpLiterals.parse(literal);
        if (address == null) {
            throw new AssertionError("not a literal: " + literal);
        }
        return address;
    }
}
