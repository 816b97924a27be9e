package io.unimember.tier.paidmembership;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/** A member's own membership as they see it, with this month's remaining counted benefits. */
@Service
class MembershipReads {

    private final PaidMemberships memberships;
    private final Purchases purchases;
    private final Plans plans;
    private final CountedBenefits counted;
    private final PaidMembershipProperties properties;
    private final Clock clock;

    MembershipReads(
            PaidMemberships memberships,
            Purchases purchases,
            Plans plans,
            CountedBenefits counted,
            PaidMembershipProperties properties,
            Clock clock) {
        this.memberships = memberships;
        this.purchases = purchases;
        this.plans = plans;
        this.counted = counted;
        this.properties = properties;
        this.clock = clock;
    }

    MyMembershipView of(String memberId) {
        Instant now = clock.instant();
        PaidMembership m = memberships.find(memberId).orElse(PaidMembership.none(memberId));
        boolean active = m.activeAt(now, properties.grace());
        Plan plan = m.planCode() == null ? null : plans.find(m.planCode()).orElse(null);
        MyMembershipView.Pending pending = purchases.open(memberId).stream()
                .reduce((a, b) -> b)
                .map(p -> new MyMembershipView.Pending(p.purchaseId(), p.planCode(), p.kind(), p.priceFen()))
                .orElse(null);
        return new MyMembershipView(
                m.planCode(),
                plan == null ? null : plan.name(),
                status(m, active, now),
                m.startsAt(),
                m.endsAt(),
                active && m.autoRenew(),
                active && plan != null ? counted.remaining(memberId, plan, now) : List.of(),
                pending);
    }

    private static String status(PaidMembership m, boolean active, Instant now) {
        if (!active) {
            return m.status() == PaidMembership.Status.ACTIVE
                    ? "LAPSED"
                    : m.status().name();
        }
        if (!m.autoRenew()) {
            return "CANCELLED";
        }
        return now.isBefore(m.endsAt()) ? "ACTIVE" : "GRACE";
    }
}
