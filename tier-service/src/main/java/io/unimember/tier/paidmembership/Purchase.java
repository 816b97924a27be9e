package io.unimember.tier.paidmembership;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A row of {@code membership_purchase}: a first purchase or a renewal, its price, payment and refund. */
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
}
