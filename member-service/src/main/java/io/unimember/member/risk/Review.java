package io.unimember.member.risk;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A parked action in the operators' queue: which service parked what ({@code subjectRef}: a coupon id, a member id)
 * at which checkpoint, for whom, the score and the rules that fired (rule → count) with the signals it was decided on.
 */
public record Review(
        String reviewId,
        String service,
        String checkpoint,
        String memberId,
        String subjectRef,
        int score,
        Map<String, Long> rules,
        Map<String, String> signals,
        Status status,
        Instant openedAt,
        @Nullable Instant decidedAt,
        @Nullable String decidedBy) {

    public enum Status {
        OPEN,
        APPROVED,
        REJECTED
    }
}
