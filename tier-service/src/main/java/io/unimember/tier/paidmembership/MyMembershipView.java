package io.unimember.tier.paidmembership;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/memberships/me}. {@code status}: NONE (never bought), ACTIVE, CANCELLED (active to {@code
 * endsAt}, not renewing), GRACE (past {@code endsAt}, the renewal still payable), LAPSED, REFUNDED. {@code
 * pendingPurchase} is the purchase awaiting payment, if any (a renewal the paying BU is to charge).
 */
record MyMembershipView(
        @Nullable String planCode,
        @Nullable String planName,
        String status,
        @Nullable Instant startsAt,
        @Nullable Instant endsAt,
        boolean autoRenew,
        List<CountedBenefits.Remaining> counted,
        @Nullable Pending pendingPurchase) {

    record Pending(String purchaseId, String planCode, Purchase.Kind kind, long priceFen) {}
}
