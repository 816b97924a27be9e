package io.unimember.settlement.periods;

/** An open period takes postings; a closed one is frozen forever. */
public enum PeriodStatus {
    OPEN,
    CLOSED
}
