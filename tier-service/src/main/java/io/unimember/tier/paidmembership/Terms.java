package io.unimember.tier.paidmembership;

import io.unimember.common.events.MembershipTerms;
import java.time.Instant;
import java.util.Map;

/** A paid period's terms as the activation and renewal events carry them. */
final class Terms {

    private Terms() {}

    /** The month a payment was made in, and how many of each counted benefit are used in it already. */
    record Month(Instant start, Instant end, Map<String, Integer> used) {}

    static MembershipTerms of(
            Plan plan,
            String purchaseId,
            String paymentId,
            String bu,
            long amountFen,
            Instant start,
            Instant end,
            Month month) {
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
                        .map(b -> new MembershipTerms.Counted(
                                b.benefitOrThrow(),
                                b.perMonthOrThrow(),
                                month.used().getOrDefault(b.benefitOrThrow(), 0),
                                month.start(),
                                month.end()))
                        .toList(),
                plan.couponPacks(),
                RevenueSplit.of(amountFen, plan.revenueSplit()));
    }
}
