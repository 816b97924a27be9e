package io.unimember.settlement.periods;

/** A party's position over all counterparties: positive it receives, negative it pays. All of them sum to zero. */
public record PartyNet(String party, long netFen) {}
