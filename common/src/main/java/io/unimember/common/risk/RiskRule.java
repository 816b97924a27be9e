package io.unimember.common.risk;

import java.time.Duration;

/**
 * One rule, as operators write it: at {@code checkpoint}, when more than {@code threshold} {@code counter} were
 * counted for this request's {@code dimension} in the last {@code window}, add {@code score}. E.g. at CLAIM, more
 * than 3 REGISTRATIONS per DEVICE in PT24H scores 100: the device registered a farm of members.
 */
public record RiskRule(
        String id,
        String name,
        Checkpoint checkpoint,
        Counter counter,
        Dimension dimension,
        Duration window,
        int threshold,
        int score,
        boolean enabled) {

    /** Whether {@code count} (this request included) breaks the rule. */
    public boolean brokenBy(long count) {
        return count > threshold;
    }
}
