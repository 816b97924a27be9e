package io.unimember.settlement.journal;

/** The side of a journal line: what the party is owed (receivable) or owes (payable), to one counterparty. */
public enum Account {
    RECEIVABLE,
    PAYABLE
}
