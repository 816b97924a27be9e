package io.unimember.gateway.headers;

import io.netty.util.NetUtil;
import org.jspecify.annotations.Nullable;

/**
 * IP address literals, parsed strictly and never looked up: an IPv4 dotted quad without leading zeros, or an IPv6
 * literal without brackets or a zone. Netty's parser does the work (it reads text only, no DNS); an IPv4-mapped IPv6
 * address ({@code ::ffff:192.0.2.1}) becomes its IPv4 address, as Java's own {@code InetAddress} makes it.
 */
final class IpLiterals {

    private static final int IPV4 = 4;
    private static final int IPV6 = 16;
    private static final int MAPPED_PREFIX = 10;

    private IpLiterals() {}

    /** The address's bytes (4 or 16), or null if the text is not exactly an IP literal. */
    static byte @Nullable [] parse(String text) {
        if (text.isEmpty() || text.indexOf('%') >= 0 || text.indexOf('[') >= 0 || text.indexOf(']') >= 0) {
            return null;
        }
        byte[] address = NetUtil.createByteArrayFromIpAddressString(text);
        if (address == null) {
            return null;
        }
        // Netty reads "010.0.0.1" as 10.0.0.1, other parsers read it as octal: neither is what a proxy writes
        if (address.length == IPV4 && !NetUtil.bytesToIpAddress(address).equals(text)) {
            return null;
        }
        return normalized(address);
    }

    /** The 4 bytes of an IPv4-mapped IPv6 address, any other address as it is. */
    static byte[] normalized(byte[] address) {
        if (address.length != IPV6) {
            return address;
        }
        for (int i = 0; i < MAPPED_PREFIX; i++) {
            if (address[i] != 0) {
                return address;
            }
        }
        if (address[MAPPED_PREFIX] != (byte) 0xff || address[MAPPED_PREFIX + 1] != (byte) 0xff) {
            return address;
        }
        return new byte[] {address[12], address[13], address[14], address[15]};
    }

    /** 127.0.0.0/8 or ::1. */
    static boolean isLoopback(byte[] address) {
        if (address.length == IPV4) {
            return address[0] == 127;
        }
        for (int i = 0; i < IPV6 - 1; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[IPV6 - 1] == 1;
    }

    /** The dotted quad, or the IPv6 address in RFC 5952's form ({@code 2001:db8::1}). */
    static String format(byte[] address) {
        return NetUtil.bytesToIpAddress(address);
    }
}
