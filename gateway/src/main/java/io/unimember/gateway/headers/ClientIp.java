package io.unimember.gateway.headers;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The client's address the gateway passes on as {@code X-Client-Ip}: the TCP peer, unless the peer is a trusted
 * proxy ({@link TrustedProxies}); then the right-most address in {@code X-Forwarded-For} that is not itself a trusted
 * proxy (each proxy appends the address it was called from, so walking from the right, the first address no trusted
 * proxy could have written is the client), or the left-most if every one is trusted.
 *
 * <p>An entry reached on that walk that is not exactly an IP literal ({@link IpLiterals}) means the chain cannot be
 * believed, so the peer is the answer; entries left of the one chosen are never read (a client may write anything
 * there). The header's lines are one list, in order, as HTTP joins repeated fields.
 *
 * <p>A loopback answer (127.0.0.0/8, {@code ::1}) is no answer: a loopback peer that no trusted proxy spoke for is a
 * caller on this machine (development, tests, benchmarks), and the risk rules downstream must not take every local
 * caller for one client.
 */
final class ClientIp {

    private ClientIp() {}

    /** The address to send as {@code X-Client-Ip}, or null to send none (no peer address, or a loopback one). */
    static @Nullable String of(
            @Nullable InetSocketAddress peer, List<String> forwardedFor, TrustedProxies trustedProxies) {
        byte @Nullable [] address = choose(peer, forwardedFor, trustedProxies);
        return address == null || IpLiterals.isLoopback(address) ? null : IpLiterals.format(address);
    }

    /** The client's address (loopback ones included), or null if the peer's is not known. */
    static byte @Nullable [] choose(
            @Nullable InetSocketAddress peer, List<String> forwardedFor, TrustedProxies trustedProxies) {
        InetAddress peerAddress = peer == null ? null : peer.getAddress();
        if (peerAddress == null) {
            return null;
        }
        byte[] peerBytes = IpLiterals.normalized(peerAddress.getAddress());
        if (forwardedFor.isEmpty() || !trustedProxies.contains(peerBytes)) {
            return peerBytes;
        }
        byte @Nullable [] leftMost = null;
        for (int line = forwardedFor.size() - 1; line >= 0; line--) {
            String value = forwardedFor.get(line);
            int end = value.length();
            while (end >= 0) {
                int comma = value.lastIndexOf(',', end - 1);
                byte @Nullable [] address =
                        IpLiterals.parse(value.substring(comma + 1, end).strip());
                if (address == null) {
                    return peerBytes;
                }
                if (!trustedProxies.contains(address)) {
                    return address;
                }
                leftMost = address;
                end = comma;
            }
        }
        return leftMost == null ? peerBytes : leftMost;
    }
}
