package io.unimember.common.risk;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The rules in force and the thresholds that map a request's total score to an outcome: at least {@code denyAt} is
 * DENY, at least {@code reviewAt} is REVIEW, below it ALLOW. {@code version} grows with every change, so a reader
 * knows whether what it holds is current.
 */
public record RiskPolicy(long version, int reviewAt, int denyAt, List<RiskRule> rules) {

    /** No rules: every decision allows (a platform whose operators wrote none, or before member-service published). */
    public static final RiskPolicy NONE = new RiskPolicy(0, 50, 100, List.of());

    public RiskPolicy {
        rules = List.copyOf(rules);
    }

    public List<RiskRule> rulesAt(Checkpoint checkpoint) {
        return rules.stream()
                .filter(r -> r.enabled() && r.checkpoint() == checkpoint)
                .toList();
    }

    /**
     * How long a count of {@code counter} per {@code dimension} must be kept: the longest window of an enabled rule
     * that reads it, or empty when none does, so nothing is counted that no rule reads.
     */
    public Optional<Duration> retention(Counter counter, Dimension dimension) {
        return rules.stream()
                .filter(r -> r.enabled() && r.counter() == counter && r.dimension() == dimension)
                .map(RiskRule::window)
                .max(Duration::compareTo);
    }

    public RiskOutcome outcomeOf(int score) {
        if (score >= denyAt) {
            return RiskOutcome.DENY;
        }
        return score >= reviewAt ? RiskOutcome.REVIEW : RiskOutcome.ALLOW;
    }
}
