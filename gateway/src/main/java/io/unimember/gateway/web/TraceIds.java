package io.unimember.gateway.web;

import io.unimember.gateway.logging.RequestLogContext;
import io.unimember.gateway.requestid.RequestIds;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/**
 * The {@code traceId} of the gateway's problems in the services' format (W3C, 32 lowercase hex; common's
 * {@code TraceIds} has the same rules): the client's {@code traceparent} trace, which the services continue, else
 * one derived from the request id (a generated UUID id is the same 128 bits), so support finds both in the logs.
 */
public final class TraceIds {

    private static final HexFormat HEX = HexFormat.of();

    private TraceIds() {}

    public static String of(ServerWebExchange exchange) {
        String traced =
                RequestLogContext.traceId(exchange.getRequest().getHeaders().getFirst("traceparent"));
        return traced != null ? traced : fromRequestId(RequestIds.of(exchange));
    }

    public static String fromRequestId(@Nullable String requestId) {
        if (requestId == null || requestId.isEmpty()) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            return HEX.toHexDigits(random.nextLong() | 1L) + HEX.toHexDigits(random.nextLong());
        }
        if (requestId.length() == 36) {
            String hex = requestId.replace("-", "").toLowerCase(java.util.Locale.ROOT);
            if (hex.length() == 32 && isLowerHex(hex) && !hex.chars().allMatch(c -> c == '0')) {
                return hex;
            }
        }
        UUID hashed = UUID.nameUUIDFromBytes(requestId.getBytes(StandardCharsets.UTF_8));
        return HEX.toHexDigits(hashed.getMostSignificantBits()) + HEX.toHexDigits(hashed.getLeastSignificantBits());
    }

    private static boolean isLowerHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
