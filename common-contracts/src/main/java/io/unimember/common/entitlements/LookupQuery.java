package io.unimember.common.entitlements;

import org.jspecify.annotations.Nullable;

/**
 * The entitlement lookup's query string when it is plainly valid: {@code scene} (a BU code's shape, {@link #SCENE})
 * and {@code amountFen} (digits, at most {@link #MAX_AMOUNT_FEN}), each at most once, nothing encoded, nothing else.
 * The gateway answers only such lookups itself; anything else goes to member-service, whose Spring MVC binding and
 * validation judge it by the same two constants.
 */
public record LookupQuery(@Nullable String scene, @Nullable Long amountFen) {

    /** What a scene looks like: a BU code. */
    public static final String SCENE = "[A-Z][A-Z_]{0,31}";

    /** The largest checkout amount a lookup accepts: ¥100,000,000. */
    public static final long MAX_AMOUNT_FEN = 10_000_000_000L;

    private static final int MAX_SCENE = 32;
    private static final int MAX_DIGITS = 11;

    /** The query, or null when it is not plainly valid. */
    public static @Nullable LookupQuery parse(@Nullable String raw) {
        String scene = null;
        Long amountFen = null;
        if (raw == null || raw.isEmpty()) {
            return new LookupQuery(null, null);
        }
        int from = 0;
        while (from <= raw.length()) {
            int end = raw.indexOf('&', from);
            end = end < 0 ? raw.length() : end;
            int eq = raw.indexOf('=', from);
            if (eq < 0 || eq > end) {
                return null;
            }
            String value = raw.substring(eq + 1, end);
            if (raw.startsWith("scene=", from) && eq == from + 5 && scene == null && isScene(value)) {
                scene = value;
            } else if (raw.startsWith("amountFen=", from) && eq == from + 9 && amountFen == null) {
                amountFen = amount(value);
                if (amountFen == null) {
                    return null;
                }
            } else {
                return null;
            }
            from = end + 1;
        }
        return new LookupQuery(scene, amountFen);
    }

    /** {@code [A-Z][A-Z_]{0,31}}, as the controller's pattern. */
    private static boolean isScene(String value) {
        if (value.isEmpty() || value.length() > MAX_SCENE || value.charAt(0) < 'A' || value.charAt(0) > 'Z') {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 'A' || c > 'Z') && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** Plain digits up to the maximum, else null. */
    private static @Nullable Long amount(String value) {
        if (value.isEmpty() || value.length() > MAX_DIGITS) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return null;
            }
        }
        long fen = Long.parseLong(value);
        return fen <= MAX_AMOUNT_FEN ? fen : null;
    }
}
