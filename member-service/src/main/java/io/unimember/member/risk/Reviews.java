package io.unimember.member.risk;

import io.unimember.common.admin.Actor;
import io.unimember.common.events.RiskReviewDecided;
import io.unimember.common.events.RiskReviewOpened;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.member.admin.AuditLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review queue: every service's parked actions come in as {@code risk.review_opened}; an operator's approval or
 * rejection goes out as {@code risk.review_decided} to the service that parked it, in the transaction that decides.
 */
@Service
class Reviews {

    private static final TypeReference<Map<String, Long>> RULES = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> SIGNALS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper mapper;
    private final EventPublisher events;
    private final MemberRiskStates states;
    private final AuditLog audit;
    private final Clock clock;

    Reviews(
            JdbcClient jdbc,
            JsonMapper mapper,
            EventPublisher events,
            MemberRiskStates states,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.events = events;
        this.states = states;
        this.audit = audit;
        this.clock = clock;
    }

    /** Queues a parked action; a second delivery of the same event changes nothing (the review id is the key). */
    @Transactional(propagation = Propagation.MANDATORY)
    void open(RiskReviewOpened opened) {
        jdbc.sql(
                        """
                INSERT IGNORE INTO risk_review
                  (review_id, service, checkpoint, member_id, subject_ref, score, rules, signals, status, opened_at)
                VALUES (:id, :service, :checkpoint, :member, :subject, :score, :rules, :signals, 'OPEN', :at)
                """)
                .param("id", opened.reviewId())
                .param("service", opened.service())
                .param("checkpoint", opened.checkpoint())
                .param("member", opened.memberId())
                .param("subject", opened.subjectRef())
                .param("score", opened.score())
                .param("rules", mapper.writeValueAsString(opened.rules()))
                .param("signals", mapper.writeValueAsString(opened.signals()))
                .param("at", Timestamp.from(opened.openedAt()))
                .update();
    }

    List<Review> list(Review.Status status, @Nullable String checkpoint, @Nullable Instant before, int limit) {
        return jdbc.sql(
                        """
                SELECT * FROM risk_review
                WHERE status = :status AND (:checkpoint IS NULL OR checkpoint = :checkpoint)
                  AND (:before IS NULL OR opened_at < :before)
                ORDER BY opened_at DESC, review_id
                LIMIT :limit
                """)
                .param("status", status.name())
                .param("checkpoint", checkpoint)
                .param("before", before == null ? null : Timestamp.from(before))
                .param("limit", limit)
                .query(this::review)
                .list();
    }

    Optional<Review> find(String reviewId) {
        return jdbc.sql("SELECT * FROM risk_review WHERE review_id = :id")
                .param("id", reviewId)
                .query(this::review)
                .optional();
    }

    /**
     * Approves or rejects an open review, and freezes its member when asked on a rejection; returns the review as it
     * is now, or empty when there is no such review. A review already decided stays as it was.
     */
    @Transactional
    Optional<Review> decide(Actor actor, String reviewId, boolean approve, boolean freeze) {
        Optional<Review> found = find(reviewId);
        if (found.isEmpty() || found.get().status() != Review.Status.OPEN) {
            return found;
        }
        Review review = found.get();
        Instant now = clock.instant();
        Review.Status status = approve ? Review.Status.APPROVED : Review.Status.REJECTED;
        int changed = jdbc.sql(
                        """
                UPDATE risk_review SET status = :status, decided_at = :at, decided_by = :by
                WHERE review_id = :id AND status = 'OPEN'
                """)
                .param("status", status.name())
                .param("at", Timestamp.from(now))
                .param("by", actor.id())
                .param("id", reviewId)
                .update();
        if (changed == 0) {
            return find(reviewId); // decided by someone else meanwhile
        }
        events.publish(new RiskReviewDecided(
                reviewId,
                review.service(),
                review.checkpoint(),
                review.memberId(),
                review.subjectRef(),
                approve,
                actor.id(),
                now));
        if (!approve && freeze) {
            states.set(
                    review.memberId(),
                    MemberRiskStates.State.FROZEN,
                    "review " + reviewId + " rejected",
                    reviewId,
                    actor.id());
        }
        audit.record(
                actor,
                approve ? "RISK_REVIEW_APPROVED" : "RISK_REVIEW_REJECTED",
                reviewId,
                Map.of("status", "OPEN"),
                Map.of("status", status.name(), "frozen", !approve && freeze));
        return find(reviewId);
    }

    private Review review(ResultSet rs, int row) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Review(
                rs.getString("review_id"),
                rs.getString("service"),
                rs.getString("checkpoint"),
                rs.getString("member_id"),
                rs.getString("subject_ref"),
                rs.getInt("score"),
                mapper.readValue(rs.getString("rules"), RULES),
                mapper.readValue(rs.getString("signals"), SIGNALS),
                Review.Status.valueOf(rs.getString("status")),
                rs.getTimestamp("opened_at").toInstant(),
                decided == null ? null : decided.toInstant(),
                rs.getString("decided_by"));
    }
}
