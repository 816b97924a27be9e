package io.unimember.gateway.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A token's SHA-256, the key of the verified-token cache: 32 bytes instead of the whole token, and collision-proof,
 * so no other token can ever hit a cached verification (keying on the signature alone would let a forged payload
 * borrow a real signature).
 */
record TokenKey(long a, long b, long c, long d) {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    static TokenKey of(String token) {
        MessageDigest digest = SHA256.get();
        ByteBuffer hash = ByteBuffer.wrap(digest.digest(token.getBytes(StandardCharsets.US_ASCII)));
        return new TokenKey(hash.getLong(), hash.getLong(), hash.getLong(), hash.getLong());
    }
}
