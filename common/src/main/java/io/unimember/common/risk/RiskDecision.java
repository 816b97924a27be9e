package io.unimember.common.risk;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was decided at a checkpoint and on what: the outcome, the total score, the rules that fired with the counts
 * that broke them, the signals, and the policy version. {@code id} becomes the review's id when it is parked.
 */
public record RiskDecision(
        String id,
        Checkpoint checkpoint,
        RiskOutcome outcome,
        int score,
        List<Hit> hits,
        Signals signals,
        long policyVersion,
        Instant decidedAt) {

    /** A rule that fired: the count that broke it, its threshold and what it scored. */
    public record Hit(String ruleId, String rule, long count, int threshold, int score) {}

    public RiskDecision {
        hits = List.copyOf(hits);
    }

    /** The DENY of a frozen member's action: no rule is asked, and nothing is counted. */
    public static RiskDecision frozen(Checkpoint checkpoint, Signals signals) {
        return new RiskDecision(
                java.util.UUID.randomUUID().toString(),
                checkpoint,
                RiskOutcome.DENY,
                0,
                List.of(),
                signals,
                0,
                Instant.now());
    }

    public boolean allowed() {
        return outcome == RiskOutcome.ALLOW;
    }

    /** Whether it is worth a row: it parked or refused something, or a rule fired. */
    public boolean worthRecording() {
        return outcome != RiskOutcome.ALLOW || !hits.isEmpty();
    }

    /** The rules that fired by name, with the counts that broke them. */
    public Map<String, Long> firedRules() {
        Map<String, Long> fired = new LinkedHashMap<>();
        hits.forEach(hit -> fired.put(hit.rule(), hit.count()));
        return fired;
    }
}
