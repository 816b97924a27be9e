package io.unimember.member.login;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/** Logs that a check failed open, at most once per interval, so an outage is visible without flooding the log. */
final class FailOpenLog {

    private final Logger log;
    private final long intervalNanos;
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - Long.MAX_VALUE / 2);

    FailOpenLog(Logger log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
    }

    void warn(String message, Exception cause) {
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= intervalNanos && lastLogged.compareAndSet(last, now)) {
            log.warn("{}: {}", message, cause.toString());
        }
    }
}
