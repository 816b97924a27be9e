package io.unimember.points.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * One movement of points: legs that add up to zero, each changing one account. Built and checked here, then
 * written once and never changed.
 */
record Transfer(
        String transferId,
        TransferKind kind,
        String memberId,
        String bu,
        String reference,
        long points,
        List<Leg> legs) {

    record Leg(AccountType type, String ref, long amount) {}

    Transfer {
        legs = List.copyOf(legs);
        long sum = legs.stream().mapToLong(Leg::amount).sum();
        if (sum != 0 || legs.size() < 2) {
            throw new IllegalStateException("a transfer needs at least two legs that sum to zero: " + legs);
        }
        if (points <= 0) {
            throw new IllegalStateException("a transfer moves a positive number of points: " + points);
        }
    }

    /** How this transfer changed one of the member's own accounts. */
    long memberDelta(AccountType type) {
        return legs.stream()
                .filter(l -> l.type() == type && l.ref().equals(memberId))
                .mapToLong(Leg::amount)
                .sum();
    }

    static Builder of(TransferKind kind, String memberId, String bu, String reference, long points) {
        return new Builder(kind, memberId, bu, reference, points);
    }

    static final class Builder {
        private final TransferKind kind;
        private final String memberId;
        private final String bu;
        private final String reference;
        private final long points;
        private final List<Leg> legs = new ArrayList<>();
        private String transferId = TransferIds.next();

        private Builder(TransferKind kind, String memberId, String bu, String reference, long points) {
            this.kind = kind;
            this.memberId = memberId;
            this.bu = bu;
            this.reference = reference;
            this.points = points;
        }

        Builder id(String transferId) {
            this.transferId = transferId;
            return this;
        }

        /** Adds a leg unless it moves nothing. */
        Builder leg(AccountType type, String ref, long amount) {
            if (amount != 0) {
                legs.add(new Leg(type, ref, amount));
            }
            return this;
        }

        Builder member(AccountType type, long amount) {
            return leg(type, memberId, amount);
        }

        Transfer build() {
            return new Transfer(transferId, kind, memberId, bu, reference, points, legs);
        }
    }
}
