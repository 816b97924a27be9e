package io.unimember.gateway.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which address the gateway passes on as {@code X-Client-Ip}, from the peer and {@code X-Forwarded-For}. */
class ClientIpTests {

    private static final TrustedProxies LOOPBACK_AND_TEN = TrustedProxies.of(List.of("127.0.0.1/32", "10.0.0.0/8"));

    @Test
    void withNoTrustedProxyTheClientIsThePeerWhateverItsForwardedForSays() {
        assertThat(ClientIp.of(peer("203.0.113.9"), List.of("198.51.100.7"), TrustedProxies.NONE))
                .isEqualTo("203.0.113.9");
        assertThat(ClientIp.of(peer("10.0.0.1"), List.of("198.51.100.7"), TrustedProxies.NONE))
                .isEqualTo("10.0.0.1");
    }

    @Test
    void anUntrustedPeersForwardedForIsNotBelieved() {
        assertThat(ClientIp.of(peer("192.0.2.44"), List.of("198.51.100.7"), LOOPBACK_AND_TEN))
                .isEqualTo("192.0.2.44");
    }

    @Test
    void behindATrustedProxyTheClientIsTheRightMostAddressThatIsNoTrustedProxy() {
        assertThat(ClientIp.of(peer("127.0.0.1"), List.of("203.0.113.9"), LOOPBACK_AND_TEN))
                .isEqualTo("203.0.113.9");
        assertThat(ClientIp.of(peer("127.0.0.1"), List.of("198.51.100.7, 127.0.0.1"), LOOPBACK_AND_TEN))
                .isEqualTo("198.51.100.7");
        // what a client wrote itself, left of the address its first proxy appended, is not the answer
        assertThat(ClientIp.of(
                        peer("10.0.0.1"), List.of("192.0.2.1, 198.51.100.7,10.2.3.4 ,\t10.0.0.9"), LOOPBACK_AND_TEN))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void entriesLeftOfTheChosenOneAreNeverRead() {
        assertThat(ClientIp.of(peer("10.0.0.1"), List.of("not-an-ip, 198.51.100.7, 10.0.0.2"), LOOPBACK_AND_TEN))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void repeatedForwardedForLinesAreOneListInOrder() {
        assertThat(ClientIp.of(peer("10.0.0.1"), List.of("198.51.100.7", "10.0.0.2, 10.0.0.3"), LOOPBACK_AND_TEN))
                .isEqualTo("198.51.100.7");
        assertThat(ClientIp.of(peer("10.0.0.1"), List.of("192.0.2.1, 198.51.100.7", "10.0.0.2"), LOOPBACK_AND_TEN))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void whenEveryForwardedAddressIsATrustedProxyTheLeftMostIsTheClient() {
        assertThat(ClientIp.of(peer("10.0.0.1"), List.of("10.0.0.5, 10.0.0.6"), LOOPBACK_AND_TEN))
                .isEqualTo("10.0.0.5");
    }

    @Test
    void aTrustedProxyWithoutForwardedForIsItselfTheClient() {
        assertThat(ClientIp.of(peer("10.0.0.1"), List.of(), LOOPBACK_AND_TEN)).isEqualTo("10.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not-an-ip",
                "",
                " ",
                "203.0.113.9:443",
                "203.0.113",
                "203.0.113.256",
                "203.0.113.09",
                "[2001:db8::1]",
                "fe80::1%eth0",
                "2001:db8::1::2",
                "localhost",
                "unknown",
                "203.0.113.9, junk",
                "203.0.113.9,,10.0.0.2",
                "203.0.113.9 198.51.100.7"
            })
    void garbageReachedInForwardedForLeavesThePeerAsTheClient(String forwardedFor) {
        assertThat(ClientIp.of(peer("10.0.0.1"), List.of(forwardedFor), LOOPBACK_AND_TEN))
                .isEqualTo("10.0.0.1");
    }

    @Test
    void aLoopbackClientIsNoClientIp() {
        assertThat(ClientIp.of(peer("127.0.0.1"), List.of(), TrustedProxies.NONE))
                .isNull();
        assertThat(ClientIp.of(peer("127.5.6.7"), List.of("203.0.113.9"), TrustedProxies.NONE))
                .isNull();
        assertThat(ClientIp.of(peer("::1"), List.of(), TrustedProxies.NONE)).isNull();
        // believed, but names a caller on this machine
        assertThat(ClientIp.of(peer("127.0.0.1"), List.of("127.0.0.2"), LOOPBACK_AND_TEN))
                .isNull();
        // garbage: the peer, which is loopback
        assertThat(ClientIp.of(peer("127.0.0.1"), List.of("not-an-ip"), LOOPBACK_AND_TEN))
                .isNull();
        // the choice itself still is the loopback address
        assertThat(ClientIp.choose(peer("127.0.0.1"), List.of(), TrustedProxies.NONE))
                .containsExactly(127, 0, 0, 1);
    }

    @Test
    void withoutAPeerAddressThereIsNoClientIp() {
        assertThat(ClientIp.of(null, List.of("203.0.113.9"), LOOPBACK_AND_TEN)).isNull();
        assertThat(ClientIp.of(InetSocketAddress.createUnresolved("203.0.113.9", 1), List.of(), TrustedProxies.NONE))
                .isNull();
    }

    @Test
    void ipv6AddressesAreWrittenInTheirShortForm() throws UnknownHostException {
        TrustedProxies v6 = TrustedProxies.of(List.of("2001:db8:ffff::/48"));

        assertThat(ClientIp.of(peer("2001:db8:ffff::10"), List.of("2001:DB8:0:0:0:0:0:1"), v6))
                .isEqualTo("2001:db8::1");
        assertThat(ClientIp.of(peer("2001:db8:0:0:0:0:0:abcd"), List.of(), TrustedProxies.NONE))
                .isEqualTo("2001:db8::abcd");
        // a peer's zone is not part of its address
        InetAddress scoped = Inet6Address.getByAddress(null, bytes("fe80::1"), 2);
        assertThat(ClientIp.of(new InetSocketAddress(scoped, 1), List.of(), TrustedProxies.NONE))
                .isEqualTo("fe80::1");
    }

    @Test
    void ipv4MappedAddressesAreTheirIpv4Address() throws UnknownHostException {
        byte[] mappedLoopback = IpLiterals.normalized(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 127, 0, 0, 1});
        assertThat(mappedLoopback).containsExactly(127, 0, 0, 1);
        assertThat(ClientIp.of(peer("127.0.0.1"), List.of("::ffff:203.0.113.9"), LOOPBACK_AND_TEN))
                .isEqualTo("203.0.113.9");
        assertThat(ClientIp.of(peer("127.0.0.1"), List.of("198.51.100.7, ::ffff:127.0.0.1"), LOOPBACK_AND_TEN))
                .isEqualTo("198.51.100.7");
        // an IPv6 socket's peer as Inet6Address, 16 bytes of ::ffff:127.0.0.1: still this machine
        InetAddress mapped =
                Inet6Address.getByAddress(null, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 127, 0, 0, 1}, -1);
        assertThat(ClientIp.of(new InetSocketAddress(mapped, 1), List.of(), TrustedProxies.NONE))
                .isNull();
    }

    @Test
    void parsesOnlyExactLiterals() {
        assertThat(IpLiterals.parse("203.0.113.9")).containsExactly(203, 0, 113, 9);
        assertThat(IpLiterals.parse("0.0.0.0")).containsExactly(0, 0, 0, 0);
        assertThat(IpLiterals.parse("::1")).hasSize(16);
        for (String garbage : List.of("1.2.3.4.5", "01.2.3.4", "1.2.3.4 ", "::ffff:1.2.3.256", "g::1", "example.com")) {
            assertThat(IpLiterals.parse(garbage)).as(garbage).isNull();
        }
    }

    /** A peer's socket address, made from a literal without any lookup. */
    private static InetSocketAddress peer(String literal) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(bytes(literal)), 40000);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(String literal) {
        byte @Nullable [] address = IpLiterals.parse(literal);
        if (address == null) {
            throw new AssertionError("not a literal: " + literal);
        }
        return address;
    }
}
