package io.unimember.tier.paidmembership;

import io.unimember.common.events.MembershipTerms.RevenueShare;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an amount of subscription revenue (or of its refund) between BUs by the plan's basis points. Each share is
 * rounded down and the fen left over go to the first BU listed, so the shares always sum to the amount and a refund
 * split the same way reverses each share in proportion.
 */
final class RevenueSplit {

    private RevenueSplit() {}

    static List<RevenueShare> of(long amountFen, List<Plan.Split> splits) {
        List<RevenueShare> shares = new ArrayList<>(splits.size());
        long given = 0;
        for (Plan.Split s : splits) {
            long share = Math.multiplyExact(amountFen, (long) s.basisPoints()) / 10_000;
            shares.add(new RevenueShare(s.bu(), share));
            given += share;
        }
        if (!shares.isEmpty() && given != amountFen) {
            RevenueShare first = shares.getFirst();
            shares.set(0, new RevenueShare(first.bu(), first.amountFen() + amountFen - given));
        }
        return List.copyOf(shares);
    }
}
