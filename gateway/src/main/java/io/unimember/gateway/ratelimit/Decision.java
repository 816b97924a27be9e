package io.unimember.gateway.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

/** Whether a request may go on, and if not, in how many milliseconds it could. */
record Decision(boolean allowed, long retryAfterMillis) {

    static final Decision ALLOWED = new Decision(true, 0);

    static Decision of(ConsumptionProbe probe) {
        return probe.isConsumed()
                ? ALLOWED
                : new Decision(false, Math.max(1, (probe.getNanosToWaitForRefill() + 999_999) / 1_000_000));
    }
}
