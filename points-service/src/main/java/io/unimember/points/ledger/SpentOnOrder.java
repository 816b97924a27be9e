package io.unimember.points.ledger;

/** The points an order's confirmed holds spent, and how many of them refunds have given back so far. */
public record SpentOnOrder(long spent, long returned) {

    public static final SpentOnOrder NOTHING = new SpentOnOrder(0, 0);
}
