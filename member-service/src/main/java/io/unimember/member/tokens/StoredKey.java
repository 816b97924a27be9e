package io.unimember.member.tokens;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A signing key as stored: the public half in X.509 form, the private half encrypted, or gone once rotated out. */
record StoredKey(
        String kid,
        String publicKey,
        @Nullable String privateKeyEncrypted,
        boolean active,
        Instant createdAt,
        @Nullable Instant retireAt) {}
