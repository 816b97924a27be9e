package io.unimember.member.risk;

import io.unimember.common.events.RiskReviewDecided;
import io.unimember.common.risk.Checkpoint;
import io.unimember.common.risk.Counter;
import io.unimember.common.risk.RiskDecision;
import io.unimember.common.risk.RiskDecisions;
import io.unimember.common.risk.RiskEngine;
import io.unimember.common.risk.RiskOutcome;
import io.unimember.common.risk.Signals;
import io.unimember.member.members.Members;
import io.unimember.member.members.PhoneNumber;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risk decision at registration, a phone's first sign-in: DENY registers no one, REVIEW registers the member
 * pending review (they earn, spend and claim nothing, and sign in to a {@code 202 PENDING_REVIEW} until an operator
 * approves), ALLOW registers them. Every sign-in counts its device and IP for the rules of later checkpoints.
 */
@Service
public class Registrations {

    /** What a correct code comes to. */
    public sealed interface SignIn {
        record Admitted(String memberId) implements SignIn {}

        record Parked(String memberId, String reviewId) implements SignIn {}

        record Refused() implements SignIn {}
    }

    private final Members members;
    private final RiskEngine engine;
    private final RiskDecisions decisions;
    private final MemberRiskStates states;

    Registrations(Members members, RiskEngine engine, RiskDecisions decisions, MemberRiskStates states) {
        this.members = members;
        this.engine = engine;
        this.decisions = decisions;
        this.states = states;
    }

    /** Signs the phone's member in, registering them first (after the decision) when there is none. */
    @Transactional(propagation = Propagation.MANDATORY)
    public SignIn signIn(PhoneNumber phone, Signals signals) {
        Optional<String> existing = members.findId(phone);
        if (existing.isPresent()) {
            return admittedOrParked(existing.get(), signals);
        }
        RiskDecision decision =
                engine.decide(Checkpoint.REGISTRATION, signals.withPhone(phone.e164()), Counter.REGISTRATIONS);
        if (decision.outcome() == RiskOutcome.DENY) {
            decisions.record(decision, null, "registration:" + phone.masked());
            return new SignIn.Refused();
        }
        Members.Resolution resolved = members.resolve(phone);
        if (!resolved.created()) {
            return admittedOrParked(resolved.memberId(), signals); // a concurrent first sign-in registered them
        }
        String memberId = resolved.memberId();
        decisions.record(decision, memberId, memberId);
        engine.record(signals.withMember(memberId), Counter.MEMBERS);
        if (decision.outcome() == RiskOutcome.REVIEW) {
            states.set(
                    memberId,
                    MemberRiskStates.State.PENDING_REVIEW,
                    "registration under review",
                    decision.id(),
                    "risk");
            return new SignIn.Parked(memberId, decision.id());
        }
        return new SignIn.Admitted(memberId);
    }

    private SignIn admittedOrParked(String memberId, Signals signals) {
        engine.record(signals.withMember(memberId), Counter.MEMBERS, Counter.LOGINS);
        var state = states.of(memberId);
        String reviewId = state.map(MemberRiskStates.MemberRiskState::reviewId).orElse(null);
        if (state.isPresent() && state.get().state() == MemberRiskStates.State.PENDING_REVIEW && reviewId != null) {
            return new SignIn.Parked(memberId, reviewId);
        }
        return new SignIn.Admitted(memberId);
    }

    /** An operator decided a registration parked here: approved lets the member in, rejected freezes them. */
    @Transactional(propagation = Propagation.MANDATORY)
    void reviewed(RiskReviewDecided decided) {
        var state = states.of(decided.memberId());
        boolean pending = state.isPresent()
                && state.get().state() == MemberRiskStates.State.PENDING_REVIEW
                && decided.reviewId().equals(state.get().reviewId());
        if (!pending) {
            return; // unfrozen or frozen by an operator meanwhile: their word stands
        }
        if (decided.approved()) {
            states.clear(decided.memberId());
        } else {
            states.set(
                    decided.memberId(),
                    MemberRiskStates.State.FROZEN,
                    "registration review rejected",
                    decided.reviewId(),
                    decided.decidedBy());
        }
    }
}
