package io.unimember.gateway.headers;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The address ranges of the proxies before the gateway whose {@code X-Forwarded-For} is believed ({@code
 * unimember.gateway.trusted-proxies}). Each is a CIDR such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}, or a
 * single address; a range with bits set past its prefix ({@code 10.0.0.1/8}) is refused as a likely typo.
 */
final class TrustedProxies {

    static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** @throws IllegalArgumentException naming the property and the range, if one is not a CIDR */
    static TrustedProxies of(List<String> cidrs) {
        List<Range> ranges = new ArrayList<>(cidrs.size());
        for (String cidr : cidrs) {
            ranges.add(Range.parse(cidr.strip()));
        }
        return ranges.isEmpty() ? NONE : new TrustedProxies(List.copyOf(ranges));
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether the address (4 or 16 bytes, IPv4-mapped ones as IPv4) is in one of the ranges. */
    boolean contains(byte[] address) {
        for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i).contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static final class Range {

        private final byte[] network;
        private final int prefix;

        private Range(byte[] network, int prefix) {
            this.network = network;
            this.prefix = prefix;
        }

        static Range parse(String cidr) {
            int slash = cidr.indexOf('/');
            byte @Nullable [] network = IpLiterals.parse(slash < 0 ? cidr : cidr.substring(0, slash));
            if (network == null) {
                throw invalid(cidr, "not an IPv4 or IPv6 address");
            }
            int bits = network.length * 8;
            int prefix = slash < 0 ? bits : prefix(cidr.substring(slash + 1), bits, cidr);
            if (!allZeroPast(network, prefix)) {
                throw invalid(cidr, "bits are set past the /" + prefix);
            }
            return new Range(network, prefix);
        }

        private static int prefix(String text, int bits, String cidr) {
            if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw invalid(cidr, "the prefix is not a number");
            }
            int prefix = Integer.parseInt(text);
            if (prefix > bits) {
                // an IPv4-mapped IPv6 range counts as IPv4: ::ffff:10.0.0.0/104 is 10.0.0.0/8
                throw invalid(cidr, "the prefix is longer than the address (" + bits + " bits)");
            }
            return prefix;
        }

        private static boolean allZeroPast(byte[] address, int prefix) {
            for (int bit = prefix; bit < address.length * 8; bit++) {
                if ((address[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                    return false;
                }
            }
            return true;
        }

        private static IllegalArgumentException invalid(String cidr, String why) {
            return new IllegalArgumentException(
                    "unimember.gateway.trusted-proxies: '" + cidr + "' is not a CIDR such as 10.0.0.0/8: " + why);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }
}
