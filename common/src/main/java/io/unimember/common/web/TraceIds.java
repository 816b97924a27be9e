package io.unimember.common.web;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Trace ids in the one format every error body carries: W3C trace-context's 32 lowercase hex digits, not all zero.
 * The gateway writes the same format with its own copy of these rules (it shares no code with the MVC services).
 */
public final class TraceIds {

    private static final HexFormat HEX = HexFormat.of();

    private TraceIds() {}

    /** The tracer's id when there is one (a 64-bit one padded, as W3C does), else one derived from the request id. */
    public static String of(@Nullable String traceId, @Nullable String requestId) {
        if (isW3c(traceId)) {
            return traceId;
        }
        if (traceId != null && traceId.length() == 16 && isHex(traceId)) {
            return "0000000000000000" + traceId;
        }
        return fromRequestId(requestId);
    }

    /** A UUID request id (the generated ones) is the same 128 bits; any other is hashed; none gets a random id. */
    public static String fromRequestId(@Nullable String requestId) {
        if (requestId == null || requestId.isBlank()) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            return HEX.toHexDigits(random.nextLong() | 1L) + HEX.toHexDigits(random.nextLong());
        }
        String hex = requestId.length() == 36 ? requestId.replace("-", "").toLowerCase() : "";
        if (isW3c(hex)) {
            return hex;
        }
        UUID hashed = UUID.nameUUIDFromBytes(requestId.getBytes(StandardCharsets.UTF_8));
        return HEX.toHexDigits(hashed.getMostSignificantBits()) + HEX.toHexDigits(hashed.getLeastSignificantBits());
    }

    public static boolean isW3c(@Nullable String id) {
        return id != null && id.length() == 32 && isHex(id) && !id.equals("00000000000000000000000000000000");
    }

    private static boolean isHex(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
