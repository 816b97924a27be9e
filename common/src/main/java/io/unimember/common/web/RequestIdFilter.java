package io.unimember.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/** Gives every request an {@code X-Request-Id} (the caller's, if it is sane) in the response and in the logs. */
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** The request attribute holding the id, for the error dispatch that runs after the MDC is cleared. */
    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    private static final int MAX_LENGTH = 64;
    private static final boolean[] ALLOWED =
            allowed("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = from(request.getHeader(HEADER));
        response.setHeader(HEADER, requestId);
        request.setAttribute(ATTRIBUTE, requestId);
        MDC.put(MDC_KEY, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The caller's id when it is sane, else a new one. */
    public static String from(@Nullable String offered) {
        return offered != null && isSane(offered) ? offered : generate();
    }

    /**
     * {@code [A-Za-z0-9._:-]{1,64}}, the gateway's rule too, checked by table: every request through the gateway
     * carries an id, and the regular expression cost the entitlement lookup a tenth of its CPU.
     */
    static boolean isSane(@Nullable String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c >= ALLOWED.length || !ALLOWED[c]) {
                return false;
            }
        }
        return true;
    }

    /** Ids only correlate log lines: unique enough without SecureRandom, which UUID.randomUUID() pays per request. */
    private static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static boolean[] allowed(String chars) {
        boolean[] table = new boolean[128];
        chars.chars().forEach(c -> table[c] = true);
        return table;
    }
}
