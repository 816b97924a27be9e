package io.unimember.common.risk;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a decision reads of a {@link RiskPolicy}, worked out once per policy rather than on every decision: the
 * enabled rules of each checkpoint, and how long each count must be kept.
 */
final class CompiledPolicy {

    private final RiskPolicy policy;
    private final Map<Checkpoint, List<RiskRule>> rulesAt = new EnumMap<>(Checkpoint.class);
    private final Map<Counter, Map<Dimension, Duration>> retention = new EnumMap<>(Counter.class);

    CompiledPolicy(RiskPolicy policy) {
        this.policy = policy;
        for (Checkpoint checkpoint : Checkpoint.values()) {
            rulesAt.put(checkpoint, policy.rulesAt(checkpoint));
        }
        for (Counter counter : Counter.values()) {
            Map<Dimension, Duration> kept = new EnumMap<>(Dimension.class);
            for (Dimension dimension : Dimension.values()) {
                policy.retention(counter, dimension).ifPresent(window -> kept.put(dimension, window));
            }
            retention.put(counter, kept);
        }
    }

    RiskPolicy policy() {
        return policy;
    }

    List<RiskRule> rulesAt(Checkpoint checkpoint) {
        return rulesAt.getOrDefault(checkpoint, List.of());
    }

    /** As {@link RiskPolicy#retention}. */
    Optional<Duration> retention(Counter counter, Dimension dimension) {
        return Optional.ofNullable(retention.getOrDefault(counter, Map.of()).get(dimension));
    }
}
