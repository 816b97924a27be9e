package io.unimember.tier.paidmembership;

import io.unimember.common.events.MembershipTerms;
import java.time.Instant;

/** A paid period's terms as the activation and renewal events carry them. */
final class Terms {

    private Terms() {}

    static MembershipTerms of(
            Plan plan, String purchaseId, String paymentId, String bu, long amountFen, Instant start, Instant end) {
        return new MembershipTerms(
                plan.code(),
                plan.name(),
                purchaseId,
                paymentId,
                bu,
                amountFen,
                start,
                end,
                plan.multiplierBp(),
                plan.counted().stream()
                        .map(b -> new MembershipTerms.Counted(b.benefitOrThrow(), b.perMonthOrThrow()))
                        .toList(),
                plan.couponPacks(),
                RevenueSplit.of(amountFen, plan.revenueSplit()));
    }
}
