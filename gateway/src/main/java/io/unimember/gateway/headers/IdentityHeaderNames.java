package io.unimember.gateway.headers;

import java.util.Locale;
import java.util.Set;

/**
 * The headers that say who is calling. The gateway alone sets them, from the verified token and (for {@code
 * X-Client-Ip}) the connection; any a client sends is dropped, as is anything under {@code X-Unimember-}. Services
 * still decide from the JWT itself.
 */
public final class IdentityHeaderNames {

    public static final String MEMBER_ID = "X-Member-Id";
    public static final String BU = "X-Bu";
    public static final String MERCHANT_ID = "X-Merchant-Id";
    public static final String CLIENT_ID = "X-Client-Id";
    public static final String SCOPES = "X-Scopes";
    public static final String FORWARDED_USER = "X-Forwarded-User";
    /** The client's address, as {@code RequestHeadersFilter} chooses it (absent for a caller on this machine). */
    public static final String CLIENT_IP = "X-Client-Ip";

    private static final String RESERVED_PREFIX = "x-unimember-";
    private static final Set<String> NAMES = Set.of(
            MEMBER_ID.toLowerCase(Locale.ROOT),
            BU.toLowerCase(Locale.ROOT),
            MERCHANT_ID.toLowerCase(Locale.ROOT),
            CLIENT_ID.toLowerCase(Locale.ROOT),
            SCOPES.toLowerCase(Locale.ROOT),
            FORWARDED_USER.toLowerCase(Locale.ROOT),
            CLIENT_IP.toLowerCase(Locale.ROOT));

    private IdentityHeaderNames() {}

    /** Whether a client-sent header claims an identity (case-insensitive, as HTTP header names are). */
    public static boolean isIdentity(String name) {
        // cheap first cut: every identity header starts with "x-"
        if (name.length() < 4 || (name.charAt(0) != 'x' && name.charAt(0) != 'X') || name.charAt(1) != '-') {
            return false;
        }
        return name.regionMatches(true, 0, RESERVED_PREFIX, 0, RESERVED_PREFIX.length())
                || NAMES.contains(name.toLowerCase(Locale.ROOT));
    }
}
