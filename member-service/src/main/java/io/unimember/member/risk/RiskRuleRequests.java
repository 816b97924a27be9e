package io.unimember.member.risk;

import io.swagger.v3.oas.annotations.media.Schema;
import io.unimember.common.risk.Checkpoint;
import io.unimember.common.risk.Counter;
import io.unimember.common.risk.Dimension;
import io.unimember.common.risk.RiskPolicy;
import io.unimember.common.risk.RiskRule;
import io.unimember.common.web.FieldErrors;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The bodies of {@code /api/v1/admin/risk/rules} and {@code /api/v1/admin/risk/thresholds}. */
final class RiskRuleRequests {

    static final Duration SHORTEST_WINDOW = Duration.ofSeconds(10);
    static final Duration LONGEST_WINDOW = Duration.ofDays(90);

    private RiskRuleRequests() {}

    /**
     * A rule: at {@code checkpoint}, more than {@code threshold} {@code counter} per {@code dimension} in the last
     * {@code window} adds {@code score}.
     */
    record RuleRequest(
            @Schema(description = "the rule's id; generated when absent (create only)", example = "claims-per-device")
                    @Nullable
                    @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,63}")
                    String id,
            @Schema(example = "more than 3 claims from one device in an hour") @NotBlank @Size(max = 128) String name,
            @NotNull Checkpoint checkpoint,
            @NotNull Counter counter,
            @NotNull Dimension dimension,
            @Schema(description = "ISO-8601, 10 seconds to 90 days", example = "PT1H", type = "string") @NotNull
                    Duration window,
            @Schema(example = "3") @Min(0) @Max(1_000_000) int threshold,
            @Schema(example = "100") @Min(1) @Max(1000) int score,
            @Schema(example = "true") boolean enabled) {

        RiskRule toRule(String ruleId) {
            if (window.compareTo(SHORTEST_WINDOW) < 0 || window.compareTo(LONGEST_WINDOW) > 0) {
                throw FieldErrors.invalid("window", "must be from 10 seconds to 90 days");
            }
            return new RiskRule(
                    ruleId, name.strip(), checkpoint, counter, dimension, window, threshold, score, enabled);
        }
    }

    /** The total scores at which a request is parked for review and refused. */
    record Thresholds(
            @Schema(example = "50") @Min(1) @Max(100_000) int reviewAt,
            @Schema(example = "100") @Min(1) @Max(100_000) int denyAt) {}

    /** The policy in force: its version, thresholds and every rule, enabled or not. */
    record PolicyView(long version, int reviewAt, int denyAt, List<RiskRule> rules) {

        static PolicyView of(RiskPolicy policy) {
            return new PolicyView(policy.version(), policy.reviewAt(), policy.denyAt(), policy.rules());
        }
    }
}
