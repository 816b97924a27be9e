package io.unimember.common.risk;

import io.unimember.common.events.RiskReviewOpened;
import io.unimember.common.outbox.EventPublisher;
import java.sql.Timestamp;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The record of decisions, in the deciding service's {@code risk_decision} table, written in the transaction of the
 * action decided on: a refused action leaves its decision, a parked one its decision and a {@code
 * risk.review_opened} event that puts it in the operators' queue (member-service). A decision no rule fired on is
 * only counted in the metrics.
 */
public class RiskDecisions {

    private final JdbcClient jdbc;
    private final JsonMapper mapper;
    private final EventPublisher events;
    private final String service;

    public RiskDecisions(JdbcClient jdbc, JsonMapper mapper, EventPublisher events, String service) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.events = events;
        this.service = service;
    }

    /**
     * Stores the decision on {@code subjectRef} (what it parked or refused: a coupon, a member, an attempt) if it is
     * worth a row, and opens its review when it parked the action.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(RiskDecision decision, @Nullable String memberId, String subjectRef) {
        if (!decision.worthRecording()) {
            return;
        }
        jdbc.sql(
                        """
                INSERT INTO risk_decision
                  (id, checkpoint, outcome, score, member_id, subject_ref, rules, signals, policy_version, decided_at)
                VALUES (:id, :checkpoint, :outcome, :score, :member, :subject, :rules, :signals, :version, :at)
                """)
                .param("id", decision.id())
                .param("checkpoint", decision.checkpoint().name())
                .param("outcome", decision.outcome().name())
                .param("score", decision.score())
                .param("member", memberId)
                .param("subject", subjectRef)
                .param("rules", mapper.writeValueAsString(decision.hits()))
                .param("signals", mapper.writeValueAsString(decision.signals().recorded()))
                .param("version", decision.policyVersion())
                .param("at", Timestamp.from(decision.decidedAt()))
                .update();
        if (decision.outcome() == RiskOutcome.REVIEW) {
            if (memberId == null) {
                throw new IllegalArgumentException("a parked action names its member");
            }
            events.publish(new RiskReviewOpened(
                    decision.id(),
                    service,
                    decision.checkpoint().name(),
                    memberId,
                    subjectRef,
                    decision.score(),
                    decision.firedRules(),
                    decision.signals().recorded(),
                    decision.decidedAt()));
        }
    }

    /** The service reviews opened here carry, so the decided review comes back to it. */
    public String service() {
        return service;
    }
}
