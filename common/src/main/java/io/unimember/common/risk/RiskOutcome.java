package io.unimember.common.risk;

/** What a decision lets happen. */
public enum RiskOutcome {
    ALLOW,
    /** The action is parked ({@code 202 PENDING_REVIEW}) until an operator approves or rejects it. */
    REVIEW,
    /** Refused: {@code 403 RISK_DENIED}, with nothing that would teach the attacker which rule fired. */
    DENY
}
