package io.unimember.settlement.webhooks;

import io.unimember.common.web.ApiException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Refuses webhook targets that would let a caller make us call inside our own network (SSRF): anything but http(s),
 * credentials in the URL, and hosts that resolve to a loopback, private, link-local, unique-local, shared (CGNAT),
 * multicast or unspecified address. Every address of the host counts, so a name with one public and one private
 * address is refused. The demo and tests allow private targets ({@code allow-private-targets}). Deliveries never
 * follow redirects, so a public target cannot bounce us inward either.
 */
@Component
class TargetGuard {

    static final String FORBIDDEN = "WEBHOOK_TARGET_FORBIDDEN";

    private final WebhookProperties properties;

    TargetGuard(WebhookProperties properties) {
        this.properties = properties;
    }

    URI check(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("WEBHOOK_URL_INVALID", "url is not a URI: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw forbidden("only http and https targets are accepted");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw ApiException.badRequest("WEBHOOK_URL_INVALID", "url names no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw forbidden("credentials in the url are not accepted; use the signing secret");
        }
        if (uri.getRawFragment() != null) {
            throw ApiException.badRequest("WEBHOOK_URL_INVALID", "url may not have a fragment");
        }
        if (properties.allowPrivateTargets()) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw ApiException.badRequest("WEBHOOK_HOST_UNKNOWN", "host " + uri.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw forbidden("host " + uri.getHost() + " resolves to a non-public address");
            }
        }
        return uri;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            boolean cgnat = first == 100 && second >= 64 && second <= 127;
            boolean reserved = first == 0 || first >= 240 || (first == 192 && second == 0 && (b[2] & 0xff) == 0);
            boolean benchmarking = first == 198 && (second == 18 || second == 19);
            return !(cgnat || reserved || benchmarking);
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
            boolean mappedV4 = isV4Mapped(b);
            if (mappedV4) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return !uniqueLocal;
        }
        return false;
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, FORBIDDEN, detail);
    }
}
