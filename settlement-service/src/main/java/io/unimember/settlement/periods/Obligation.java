package io.unimember.settlement.periods;

/**
 * {@code debtor} owes {@code creditor} {@code amountFen} in a period; negative after reversals exceed postings.
 */
public record Obligation(String debtor, String creditor, long amountFen) {

    public Obligation {
        if (debtor.equals(creditor)) {
            throw new IllegalArgumentException("a party owes nothing to itself: " + debtor);
        }
    }
}
