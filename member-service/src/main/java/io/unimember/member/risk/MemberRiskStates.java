package io.unimember.member.risk;

import io.unimember.common.risk.FrozenMembers;
import io.unimember.common.transactions.AfterCommit;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which members are frozen (by an operator) or pending review (registered under review): the record in {@code
 * member_risk_state}, and the Redis set every service checks, changed after the record commits and rebuilt from it
 * every minute.
 */
@Service
public class MemberRiskStates {

    public enum State {
        FROZEN,
        PENDING_REVIEW
    }

    /** A member's risk state, and why. */
    public record MemberRiskState(
            String memberId,
            State state,
            @Nullable String reason,
            @Nullable String reviewId,
            java.time.Instant since) {}

    private static final Logger log = LoggerFactory.getLogger(MemberRiskStates.class);

    private final JdbcClient jdbc;
    private final FrozenMembers frozen;
    private final Clock clock;

    MemberRiskStates(JdbcClient jdbc, FrozenMembers frozen, Clock clock) {
        this.jdbc = jdbc;
        this.frozen = frozen;
        this.clock = clock;
    }

    public Optional<MemberRiskState> of(String memberId) {
        return jdbc.sql("SELECT member_id, state, reason, review_id, since FROM member_risk_state WHERE member_id = :m")
                .param("m", memberId)
                .query((rs, n) -> new MemberRiskState(
                        rs.getString(1),
                        State.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .optional();
    }

    /** Sets the member's state (an operator's freeze, a registration parked, a rejected review). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void set(String memberId, State state, @Nullable String reason, @Nullable String reviewId, String by) {
        jdbc.sql(
                        """
                INSERT INTO member_risk_state (member_id, state, reason, review_id, since, changed_by)
                VALUES (:m, :state, :reason, :review, :since, :by)
                ON DUPLICATE KEY UPDATE state = VALUES(state), reason = VALUES(reason),
                  review_id = VALUES(review_id), since = VALUES(since), changed_by = VALUES(changed_by)
                """)
                .param("m", memberId)
                .param("state", state.name())
                .param("reason", reason)
                .param("review", reviewId)
                .param("since", Timestamp.from(clock.instant()))
                .param("by", by)
                .update();
        AfterCommit.run(() -> frozen.add(List.of(memberId)));
    }

    /** Lets the member earn, spend and claim again; returns whether they were frozen or pending. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean clear(String memberId) {
        boolean was = jdbc.sql("DELETE FROM member_risk_state WHERE member_id = :m")
                        .param("m", memberId)
                        .update()
                > 0;
        AfterCommit.run(() -> frozen.remove(List.of(memberId)));
        return was;
    }

    /** Rebuilds the Redis set from the record: a flushed Redis, a change whose after-commit write failed. */
    @Scheduled(fixedDelayString = "${unimember.risk.republish-every:PT1M}", initialDelayString = "PT5S")
    void resync() {
        try {
            Set<String> recorded = Set.copyOf(jdbc.sql("SELECT member_id FROM member_risk_state")
                    .query(String.class)
                    .list());
            frozen.replaceAll(recorded);
        } catch (RuntimeException e) {
            log.warn("frozen members not re-synced to Redis: {}", e.toString());
        }
    }
}
