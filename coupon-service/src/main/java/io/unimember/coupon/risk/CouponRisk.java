package io.unimember.coupon.risk;

import io.unimember.common.risk.Checkpoint;
import io.unimember.common.risk.Counter;
import io.unimember.common.risk.FrozenMembers;
import io.unimember.common.risk.RiskDecision;
import io.unimember.common.risk.RiskDecisions;
import io.unimember.common.risk.RiskEngine;
import io.unimember.common.risk.RiskOutcome;
import io.unimember.common.risk.Signals;
import io.unimember.common.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * The decisions at coupon-service's checkpoints. A frozen member is refused first ({@code 403 MEMBER_FROZEN}); a
 * DENY is recorded (in a transaction of its own, as the action's rolls back) and refused ({@code 403 RISK_DENIED});
 * anything else is for the caller to carry out and record in its transaction ({@link #record}).
 */
@Component
public class CouponRisk {

    private final RiskEngine engine;
    private final RiskDecisions decisions;
    private final FrozenMembers frozen;

    CouponRisk(RiskEngine engine, RiskDecisions decisions, FrozenMembers frozen) {
        this.engine = engine;
        this.decisions = decisions;
        this.frozen = frozen;
    }

    /**
     * The decision on a member's claim, DENY included: the caller answers a retry of an earlier claim as it was first
     * answered, and {@link #refuse}s anything else.
     */
    public RiskDecision atClaim(Signals signals) {
        frozen.requireNotFrozen(memberOf(signals));
        return engine.decide(Checkpoint.CLAIM, signals, Counter.CLAIMS);
    }

    /** Records a DENY (in a transaction of its own: the action's does not commit) and throws 403 RISK_DENIED. */
    public ApiException refuse(RiskDecision decision, String memberId, String subjectRef) {
        decisions.record(decision, memberId, subjectRef);
        return RiskEngine.denied();
    }

    /** The decision on a member's new exchange: ALLOW or REVIEW, else it throws. */
    public RiskDecision atExchange(Signals signals, String exchangeId) {
        return decideOrThrow(Checkpoint.EXCHANGE, signals, Counter.EXCHANGES, "exchange:" + exchangeId);
    }

    /**
     * The decision on a reward to {@code memberId}, inside the reward's transaction: a frozen member's is a DENY that
     * names no rule. The caller records it with {@link #record} once it knows what it issued. {@code rewardRef}
     * names the reward, so a batch of events applied again counts it once.
     */
    public RiskDecision atReward(String memberId, String rewardRef) {
        if (frozen.isFrozen(memberId)) {
            return RiskDecision.frozen(Checkpoint.REWARD, new Signals(memberId, null, null, null));
        }
        return engine.decide(Checkpoint.REWARD, new Signals(memberId, null, null, null), rewardRef, Counter.REWARDS);
    }

    /**
     * A rewarded order of the member's was refunded: a signal for the rules on later rewards. {@code rewardRef} names
     * the reward, so a refund applied again counts once.
     */
    public void rewardedOrderRefunded(String memberId, String rewardRef) {
        engine.record(new Signals(memberId, null, null, null), rewardRef, Counter.REWARDED_REFUNDS);
    }

    /** Records the decision on what it parked or allowed, in the caller's transaction (REVIEW opens the review). */
    public void record(RiskDecision decision, String memberId, String subjectRef) {
        decisions.record(decision, memberId, subjectRef);
    }

    public boolean isFrozen(String memberId) {
        return frozen.isFrozen(memberId);
    }

    private static String memberOf(Signals signals) {
        String memberId = signals.memberId();
        if (memberId == null) {
            throw new IllegalArgumentException("a member's action names the member");
        }
        return memberId;
    }

    private RiskDecision decideOrThrow(Checkpoint checkpoint, Signals signals, Counter counted, String subject) {
        String memberId = memberOf(signals);
        frozen.requireNotFrozen(memberId);
        RiskDecision decision = engine.decide(checkpoint, signals, counted);
        if (decision.outcome() == RiskOutcome.DENY) {
            decisions.record(decision, memberId, subject);
            throw RiskEngine.denied();
        }
        return decision;
    }
}
