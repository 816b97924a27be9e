package io.unimember.points.balance;

import io.unimember.common.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque page cursors: the position of the last item shown, so clients cannot build or depend on them. */
final class Cursor {

    private static final String PREFIX = "t:";

    private Cursor() {}

    static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    static long decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException("not ours");
            }
            long seq = Long.parseLong(raw.substring(PREFIX.length()));
            if (seq <= 0) {
                throw new IllegalArgumentException("out of range");
            }
            return seq;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_CURSOR", "the cursor is not one this API gave out");
        }
    }
}
