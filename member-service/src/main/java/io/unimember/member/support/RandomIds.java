package io.unimember.member.support;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable identifiers and secrets from a cryptographic random source. */
public final class RandomIds {

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomIds() {}

    /** {@code prefix} plus {@code length} base32 characters (5 random bits each). */
    public static String base32(String prefix, int length) {
        StringBuilder id = new StringBuilder(prefix.length() + length).append(prefix);
        for (int i = 0; i < length; i++) {
            id.append(BASE32[RANDOM.nextInt(BASE32.length)]);
        }
        return id.toString();
    }

    /** {@code bytes} random bytes, base64url without padding: for secrets and opaque tokens. */
    public static String secret(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** A uniformly random decimal code of {@code digits} digits, leading zeros kept. */
    public static String digits(int digits) {
        StringBuilder code = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            code.append(RANDOM.nextInt(10));
        }
        return code.toString();
    }
}
