package io.unimember.member.login;

import java.time.Duration;

/** A 429 with {@code Retry-After}: a phone asked for codes too often, or guessed wrong too often. */
class TooManyRequests extends RuntimeException {

    private final String code;
    private final Duration retryAfter;

    TooManyRequests(String code, String detail, Duration retryAfter) {
        super(detail);
        this.code = code;
        this.retryAfter = retryAfter;
    }

    String code() {
        return code;
    }

    /** Whole seconds, rounded up and at least one, as {@code Retry-After} wants. */
    long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
