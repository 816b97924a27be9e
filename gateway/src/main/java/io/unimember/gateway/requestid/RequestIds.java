package io.unimember.gateway.requestid;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;
import org.springframework.web.server.ServerWebExchange;

/** The request id of an exchange: the caller's {@code X-Request-Id} when it is sane, else a fresh one. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = RequestIds.class.getName();
    private static final int MAX_LENGTH = 64;

    private RequestIds() {}

    public static String of(ServerWebExchange exchange) {
        String id = exchange.getAttribute(ATTRIBUTE);
        return id == null ? "" : id;
    }

    /** The id for a request that sent this {@code X-Request-Id}: the same one if it is sane, else a new one. */
    public static String from(@Nullable String header) {
        return isSane(header) ? header : generate();
    }

    /** Same rule as the services ({@code [A-Za-z0-9._:-]{1,64}}), without a regex on the hot path. */
    @Contract("null -> false")
    static boolean isSane(@Nullable String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == ':'
                    || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Request ids only correlate logs; they need to be unique, not unguessable, so no SecureRandom per request. */
    static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
