package io.unimember.tier.paidmembership;

import io.unimember.common.events.MembershipBenefitUsed;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.common.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counted benefits (free deliveries, services): each plan's allowance per calendar month, drawn on by the BU that
 * gives one. A use locks the member's row, counts the month's uses and records one only below the allowance, so
 * concurrent uses never overdraw it; a new month starts from the full allowance.
 */
@Service
class CountedBenefits {

    record Remaining(String benefit, int remaining) {}

    record UseReceipt(String useId, String benefit, int remaining) {}

    private final PaidMemberships memberships;
    private final Plans plans;
    private final BenefitUses uses;
    private final Purchases purchases;
    private final EventPublisher events;
    private final PaidMembershipProperties properties;
    private final Clock clock;

    CountedBenefits(
            PaidMemberships memberships,
            Plans plans,
            BenefitUses uses,
            Purchases purchases,
            EventPublisher events,
            PaidMembershipProperties properties,
            Clock clock) {
        this.memberships = memberships;
        this.plans = plans;
        this.uses = uses;
        this.purchases = purchases;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** {@code 409 MEMBERSHIP_NOT_ACTIVE}, {@code 404 BENEFIT_NOT_IN_PLAN} or {@code 409 BENEFIT_EXHAUSTED}. */
    @Transactional
    public UseReceipt use(String bu, String useId, String memberId, String benefit) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        PaidMembership m = memberships.lock(memberId).orElse(PaidMembership.none(memberId));
        if (!m.activeAt(now, properties.grace())) {
            throw ApiException.conflict("MEMBERSHIP_NOT_ACTIVE", "the member has no active paid membership");
        }
        String planCode = m.planCodeOrThrow();
        Plan.Benefit allowance = plans.find(planCode)
                .flatMap(p -> p.counted(benefit))
                .orElseThrow(() -> ApiException.notFound(
                        "BENEFIT_NOT_IN_PLAN", "plan " + planCode + " has no counted benefit " + benefit));
        int perMonth = allowance.perMonthOrThrow();
        String month = Periods.month(now, properties.zone());
        int used = uses.usedIn(memberId, month).getOrDefault(benefit, 0);
        if (used >= perMonth) {
            throw ApiException.conflict("BENEFIT_EXHAUSTED", benefit + " is used up for " + month);
        }
        long face = allowance.faceValueFen() == null ? 0 : allowance.faceValueFen();
        // the purchase whose period this is: a renewal paid ahead has not begun, and in the grace the latest is it
        String purchaseId = purchases.paidCovering(memberId, now).orElse(m.purchaseIdOrThrow());
        uses.add(bu, useId, memberId, benefit, month, purchaseId, face, now);
        PaidMembership touched = m.touched();
        memberships.save(touched, now);
        YearMonth yearMonth = YearMonth.parse(month);
        events.publish(new MembershipBenefitUsed(
                memberId,
                planCode,
                benefit,
                used + 1,
                perMonth,
                yearMonth.atDay(1).atStartOfDay(properties.zone()).toInstant(),
                yearMonth.plusMonths(1).atDay(1).atStartOfDay(properties.zone()).toInstant(),
                touched.version()));
        return new UseReceipt(useId, benefit, perMonth - used - 1);
    }

    /** What is left of each counted benefit of the plan this month. */
    List<Remaining> remaining(String memberId, Plan plan, Instant now) {
        Map<String, Integer> used = uses.usedIn(memberId, Periods.month(now, properties.zone()));
        return plan.counted().stream()
                .map(b -> {
                    String code = b.benefitOrThrow();
                    return new Remaining(code, Math.max(0, b.perMonthOrThrow() - used.getOrDefault(code, 0)));
                })
                .toList();
    }
}
