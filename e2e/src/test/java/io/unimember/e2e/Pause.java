package io.unimember.e2e;

import java.time.Duration;

/**
 * A deliberate pause — how long an outage lasts, a client's back-off between retries — as opposed to waiting for
 * a condition, which uses Awaitility.
 */
final class Pause {

    private Pause() {}

    static void of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
