package io.unimember.coupon.issuing;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.unimember.common.idempotency.Idempotency;
import io.unimember.common.idempotency.IdempotentResult;
import io.unimember.common.risk.RiskDecision;
import io.unimember.common.risk.RiskDecisions;
import io.unimember.common.risk.RiskOutcome;
import io.unimember.coupon.coupons.Channel;
import io.unimember.coupon.coupons.Coupon;
import io.unimember.coupon.coupons.CouponStatus;
import io.unimember.coupon.coupons.CouponView;
import io.unimember.coupon.templates.Template;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Issues the coupon a client asked for (a member's claim, a BU's grant) once per idempotency key. The layers, in
 * the one order they may take: the template's issuing lane ({@link IssueBulkhead}), then the deadlock retry around
 * the whole transaction, then the idempotency record, stored in the transaction that issues the coupon.
 */
@Component
public class OnceIssuer {

    /**
     * What one request is issued once for: the idempotency scope and key, and the request whose hash tells a replay
     * from another request reusing the key. The coupon's source is {@code scope:key}, unique across all coupons.
     */
    public record Once(Channel channel, String scope, String key, Object request) {

        String sourceRef() {
            return scope + ":" + key;
        }
    }

    private final Issuer issuer;
    private final RiskDecisions decisions;
    private final Idempotency idempotency;
    private final IssueBulkhead bulkhead;
    private final Retry retry;
    private final Clock clock;

    OnceIssuer(
            Issuer issuer,
            Idempotency idempotency,
            IssueBulkhead bulkhead,
            RetryRegistry retries,
            RiskDecisions decisions,
            Clock clock) {
        this.issuer = issuer;
        this.decisions = decisions;
        this.idempotency = idempotency;
        this.bulkhead = bulkhead;
        this.retry = retries.retry("issuing");
        this.clock = clock;
    }

    /**
     * Issues one coupon of {@code template} to {@code memberId}, or answers what the first request with the key was
     * answered; {@code view} is how the caller shows the coupon (with or without its code). A refusal throws and
     * stores nothing, so it may be retried with the same key.
     */
    public IdempotentResult<CouponView> issueOnce(
            Template template, String memberId, Once once, BiFunction<Coupon, Instant, CouponView> view) {
        return issueOnce(template, memberId, once, view, null);
    }

    /**
     * {@link #issueOnce}, after a risk decision: one that parks the claim issues the coupon PENDING_REVIEW and
     * answers 202; the decision is recorded in the issue's transaction, on the coupon.
     */
    public IdempotentResult<CouponView> issueOnce(
            Template template,
            String memberId,
            Once once,
            BiFunction<Coupon, Instant, CouponView> view,
            @Nullable RiskDecision decision) {
        Idempotency.Once write = idempotency.once(once.scope(), once.key(), once.request());
        boolean pending = decision != null && decision.outcome() == RiskOutcome.REVIEW;
        return bulkhead.run(
                template.id(),
                () -> retry.executeSupplier(() -> write.answering(
                        answer -> answer.status() == CouponStatus.PENDING_REVIEW
                                ? HttpStatus.ACCEPTED
                                : HttpStatus.CREATED,
                        CouponView.class,
                        () -> {
                            Coupon coupon =
                                    issuer.issueOrThrow(template, memberId, once.channel(), once.sourceRef(), pending);
                            if (decision != null) {
                                decisions.record(decision, memberId, coupon.id());
                            }
                            return view.apply(coupon, clock.instant());
                        })));
    }

    /** {@link Issuer#knownRefusal}: what MySQL already decided for good about the template, if Redis remembers. */
    public Optional<Refusal> knownRefusal(String templateId) {
        return issuer.knownRefusal(templateId);
    }

    /** Whether the key has a stored answer or a request with it is in flight (its row exists without an answer). */
    public boolean alreadyUsed(Once once) {
        try {
            return idempotency.find(once.scope(), once.key(), CouponView.class).isPresent();
        } catch (RuntimeException inFlight) {
            return true;
        }
    }
}
