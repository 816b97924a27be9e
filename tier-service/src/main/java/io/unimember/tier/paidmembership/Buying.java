package io.unimember.tier.paidmembership;

import io.unimember.common.events.MembershipActivated;
import io.unimember.common.events.MembershipRenewed;
import io.unimember.common.events.MembershipTerms;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.common.web.ApiException;
import io.unimember.tier.growth.GrowthLedger;
import io.unimember.tier.membership.MemberQueries;
import io.unimember.tier.membership.MemberTier;
import io.unimember.tier.tiers.TierRules;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Buying and renewing: a purchase (PENDING, at the price the member's tier or growth earns), and its payment by the
 * BU that took the money, which activates the membership or, if it is still active, renews it from its end. Each
 * runs in one transaction holding the member's row lock, so a member has at most one purchase open and one
 * membership, however many requests race.
 */
@Service
class Buying {

    record PurchaseReceipt(
            String purchaseId, String planCode, Purchase.Kind kind, long priceFen, Purchase.Status status) {}

    record PaymentReceipt(
            String paymentId, String purchaseId, String planCode, String status, Instant startsAt, Instant endsAt) {}

    private final Plans plans;
    private final PaidMemberships memberships;
    private final Purchases purchases;
    private final BenefitUses uses;
    private final MemberQueries members;
    private final GrowthLedger growth;
    private final TierRules tiers;
    private final EventPublisher events;
    private final PaidMembershipProperties properties;
    private final Clock clock;

    Buying(
            Plans plans,
            PaidMemberships memberships,
            Purchases purchases,
            BenefitUses uses,
            MemberQueries members,
            GrowthLedger growth,
            TierRules tiers,
            EventPublisher events,
            PaidMembershipProperties properties,
            Clock clock) {
        this.plans = plans;
        this.memberships = memberships;
        this.purchases = purchases;
        this.uses = uses;
        this.members = members;
        this.growth = growth;
        this.tiers = tiers;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Opens a purchase. While the membership is active it is a renewal of the same plan (another plan: {@code 409
     * MEMBERSHIP_PLAN_MISMATCH}). A purchase still awaiting payment within the payment window, or an open renewal,
     * blocks a new one ({@code 409 PURCHASE_IN_PROGRESS}); an older one is superseded (VOID), so paying it later is
     * refused.
     */
    @Transactional
    public PurchaseReceipt purchase(String memberId, String purchaseId, String planCode) {
        Instant now = now();
        Plan plan =
                plans.find(planCode).orElseThrow(() -> ApiException.notFound("PLAN_NOT_FOUND", "no plan " + planCode));
        PaidMembership m = memberships.lockOrCreate(memberId, now);
        boolean active = m.activeAt(now, properties.grace());
        if (active && !plan.code().equals(m.planCode())) {
            throw ApiException.conflict(
                    "MEMBERSHIP_PLAN_MISMATCH", "the membership of plan " + m.planCode() + " is active; renew that");
        }
        for (Purchase open : purchases.open(memberId)) {
            boolean blocking = (active && open.kind() == Purchase.Kind.RENEWAL)
                    || now.isBefore(open.createdAt().plus(properties.paymentWindow()));
            if (blocking) {
                throw ApiException.conflict(
                        "PURCHASE_IN_PROGRESS", "purchase " + open.purchaseId() + " is awaiting payment");
            }
            purchases.voidOne(open.purchaseId());
        }
        Purchase.Kind kind = active ? Purchase.Kind.RENEWAL : Purchase.Kind.NEW;
        long price = priceFor(plan, memberId, now);
        purchases.insert(new Purchase(
                purchaseId,
                memberId,
                plan.code(),
                kind,
                price,
                Purchase.Status.PENDING,
                null,
                null,
                null,
                null,
                null,
                now));
        return new PurchaseReceipt(purchaseId, plan.code(), kind, price, Purchase.Status.PENDING);
    }

    /**
     * The paying BU confirms a payment: the purchase must be PENDING ({@code 409 PURCHASE_NOT_PENDING}: paid already,
     * superseded, lapsed) and the amount its price ({@code 409 PAYMENT_AMOUNT_MISMATCH}).
     */
    @Transactional
    public PaymentReceipt pay(String bu, String paymentId, String purchaseId, long amountFen) {
        Instant now = now();
        String memberId = purchases
                .find(purchaseId)
                .map(Purchase::memberId)
                .orElseThrow(() -> ApiException.notFound("PURCHASE_NOT_FOUND", "no purchase " + purchaseId));
        PaidMembership m = memberships.lockOrCreate(memberId, now);
        Purchase p = purchases.find(purchaseId).orElseThrow();
        if (p.status() != Purchase.Status.PENDING) {
            throw ApiException.conflict("PURCHASE_NOT_PENDING", "purchase " + purchaseId + " is " + p.status());
        }
        if (amountFen != p.priceFen()) {
            throw ApiException.conflict(
                    "PAYMENT_AMOUNT_MISMATCH", "purchase " + purchaseId + " costs " + p.priceFen() + " fen");
        }
        Plan plan = plans.find(p.planCode()).orElseThrow();
        boolean renewal = m.activeAt(now, properties.grace());
        if (renewal && !plan.code().equals(m.planCode())) {
            throw ApiException.conflict("MEMBERSHIP_PLAN_MISMATCH", "another plan's membership is active");
        }
        Instant start = renewal ? m.endsAtOrThrow() : now;
        Instant end = Periods.end(start, plan.period(), properties.zone());
        if (!purchases.markPaid(purchaseId, bu, paymentId, now, start, end, plan.revenueSplit())) {
            throw ApiException.conflict("PURCHASE_NOT_PENDING", "purchase " + purchaseId + " is no longer pending");
        }
        m = renewal ? m.renewedTo(end, purchaseId) : m.activated(plan.code(), start, end, purchaseId);
        memberships.save(m, now);
        MembershipTerms terms = Terms.of(plan, purchaseId, paymentId, bu, amountFen, start, end, month(memberId, now));
        events.publish(
                renewal
                        ? new MembershipRenewed(memberId, terms, m.version())
                        : new MembershipActivated(memberId, terms, m.version()));
        return new PaymentReceipt(paymentId, purchaseId, plan.code(), "ACTIVE", m.startsAtOrThrow(), end);
    }

    /** The business month of {@code now} and the member's counted uses in it, for the view to start from. */
    private Terms.Month month(String memberId, Instant now) {
        YearMonth month = YearMonth.parse(Periods.month(now, properties.zone()));
        return new Terms.Month(
                month.atDay(1).atStartOfDay(properties.zone()).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(properties.zone()).toInstant(),
                uses.usedIn(memberId, month.toString()));
    }

    private long priceFor(Plan plan, String memberId, Instant now) {
        String tier = members.find(memberId)
                .map(MemberTier::tier)
                .orElse(tiers.current().lowest().code());
        return Pricing.priceFen(plan, tiers.current(), tier, growth.rollingGrowth(memberId, now));
    }

    private Instant now() {
        // to the second, as MariaDB stores it (decision 0007): what events say is what the table holds
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
