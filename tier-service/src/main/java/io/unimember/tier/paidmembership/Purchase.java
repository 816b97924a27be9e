package io.unimember.tier.paidmembership;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code membership_purchase}: a first purchase or a renewal, its price, payment and refund. Its payment
 * sets {@code paidAt}, {@code periodStart} and {@code periodEnd} together: a PAID or REFUNDED purchase has them all.
 */
record Purchase(
        String purchaseId,
        String memberId,
        String planCode,
        Kind kind,
        long priceFen,
        Status status,
        @Nullable String paymentId,
        @Nullable String payingBu,
        @Nullable Instant paidAt,
        @Nullable Instant periodStart,
        @Nullable Instant periodEnd,
        Instant createdAt) {

    enum Kind {
        NEW,
        RENEWAL
    }

    enum Status {
        PENDING,
        PAID,
        VOID,
        REFUNDED
    }

    /** When a purchase was paid, and the period it paid for. */
    record Payment(Instant paidAt, Instant periodStart, Instant periodEnd) {}

    /** The payment of a PAID or REFUNDED purchase. */
    Payment paymentOrThrow() {
        if (paidAt == null || periodStart == null || periodEnd == null) {
            throw new IllegalStateException("purchase " + purchaseId + " is " + status + " and has no payment");
        }
        return new Payment(paidAt, periodStart, periodEnd);
    }
}
