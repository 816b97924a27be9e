package io.unimember.common.security;

/** Claim names Unimember adds to its JWTs. */
public final class Claims {

    public static final String MEMBER_ID = "member_id";
    public static final String BU = "bu";
    public static final String MERCHANT_ID = "merchant_id";
    public static final String SCOPE = "scope";
    public static final String AUDIENCE = "unimember";

    private Claims() {}
}
