package io.unimember.gateway.headers;

import java.util.List;
import org.springframework.http.HttpHeaders;

/**
 * Headers that belong to one connection and must not be forwarded (RFC 9110 §7.6.1): the fixed list Spring Cloud
 * Gateway's {@code RemoveHopByHopHeadersFilter} removes, plus every header the {@code Connection} header names.
 * Names are compared ignoring case without lower-casing each one (this runs for every header of every request).
 */
final class HopByHop {

    private static final List<String> ALWAYS = List.of(
            "connection",
            "keep-alive",
            "transfer-encoding",
            "te",
            "trailer",
            "proxy-authorization",
            "proxy-authenticate",
            "x-application-context",
            "upgrade");

    /** What {@code Connection} lists besides the fixed ones: nearly always nothing or {@code keep-alive}. */
    private final List<String> named;

    private HopByHop(List<String> named) {
        this.named = named;
    }

    static HopByHop of(HttpHeaders headers) {
        return new HopByHop(headers.getValuesAsList(HttpHeaders.CONNECTION));
    }

    /** From the {@code Connection} header's values, split at commas. */
    static HopByHop ofConnection(List<String> connection) {
        return new HopByHop(connection);
    }

    boolean removes(String name) {
        return listed(ALWAYS, name) || listed(named, name);
    }

    private static boolean listed(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
