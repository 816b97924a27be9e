package io.unimember.coupon.wallet;

import io.unimember.common.web.FieldErrors;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a wallet page ended: the last coupon's issue time and id (the wallet's sort key), opaque to clients as
 * URL-safe base64. A cursor that does not decode is a 400, never a 500.
 */
record Cursor(Instant issuedAt, String couponId) {

    String encode() {
        long micros = issuedAt.getEpochSecond() * 1_000_000L + issuedAt.getNano() / 1_000;
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((micros + ":" + couponId).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            long micros = Long.parseLong(raw.substring(0, colon));
            String id = raw.substring(colon + 1);
            if (id.isEmpty() || id.length() > 36) {
                throw new IllegalArgumentException("bad id");
            }
            return new Cursor(
                    Instant.ofEpochSecond(
                            Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L),
                    id);
        } catch (RuntimeException e) {
            throw FieldErrors.invalid("cursor", "is not a cursor this API returned");
        }
    }
}
