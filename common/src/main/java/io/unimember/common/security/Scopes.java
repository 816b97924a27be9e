package io.unimember.common.security;

/** The OAuth2 scopes of the design, and their Spring authority names. */
public final class Scopes {

    public static final String MEMBER = "member";
    public static final String BU_ORDERS = "bu:orders";
    public static final String BU_MEMBERS = "bu:members";
    public static final String BU_REDEEM = "bu:redeem";
    public static final String BU_CAMPAIGNS = "bu:campaigns";
    public static final String BU_WEBHOOKS = "bu:webhooks";
    public static final String MERCHANT_MEMBERS = "merchant:members";
    public static final String MERCHANT_VERIFY = "merchant:verify";
    public static final String ADMIN = "admin";

    private Scopes() {}

    /** The authority Spring Security grants for a scope claim entry. */
    public static String authority(String scope) {
        return "SCOPE_" + scope;
    }

    public static String[] authorities(String... scopes) {
        String[] result = new String[scopes.length];
        for (int i = 0; i < scopes.length; i++) {
            result[i] = authority(scopes[i]);
        }
        return result;
    }
}
