package io.unimember.tier.paidmembership;

import io.unimember.common.events.MembershipRefunded;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.common.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refunds of a paid purchase, by the BU that took the payment (any other BU is told there is no such purchase).
 * Only the membership's latest paid purchase is refundable: refunding it ends the membership now, or, for a renewal
 * paid ahead, at that renewal's start. The amount is {@link RefundRule}'s, split between BUs as the payment was
 * (the split stored with it).
 */
@Service
class Refunds {

    record RefundReceipt(String refundId, String purchaseId, long refundFen, Instant endsAt) {}

    private final PaidMemberships memberships;
    private final Purchases purchases;
    private final BenefitUses uses;
    private final EventPublisher events;
    private final PaidMembershipProperties properties;
    private final Clock clock;

    Refunds(
            PaidMemberships memberships,
            Purchases purchases,
            BenefitUses uses,
            EventPublisher events,
            PaidMembershipProperties properties,
            Clock clock) {
        this.memberships = memberships;
        this.purchases = purchases;
        this.uses = uses;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public RefundReceipt refund(String bu, String refundId, String purchaseId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Purchase found = purchases
                .find(purchaseId)
                .filter(p -> bu.equals(p.payingBu()))
                .orElseThrow(() ->
                        ApiException.notFound("PURCHASE_NOT_FOUND", "no purchase " + purchaseId + " paid to " + bu));
        PaidMembership m = memberships.lock(found.memberId()).orElseThrow();
        Purchase p = purchases.find(purchaseId).orElseThrow();
        if (p.status() != Purchase.Status.PAID
                || !purchaseId.equals(m.purchaseId())
                || m.status() != PaidMembership.Status.ACTIVE) {
            throw ApiException.conflict(
                    "PURCHASE_NOT_REFUNDABLE", "only the active membership's latest paid purchase is refundable");
        }
        Purchase.Payment payment = p.paymentOrThrow();
        BenefitUses.Used used = uses.byPurchase(purchaseId);
        long refundFen = RefundRule.refundFen(
                new RefundRule.Claim(
                        p.priceFen(),
                        payment.paidAt(),
                        payment.periodStart(),
                        payment.periodEnd(),
                        used.count(),
                        used.faceValueFen(),
                        now),
                properties.fullRefundWindow());
        if (!purchases.markRefunded(purchaseId, refundId, refundFen, now)) {
            throw ApiException.conflict("PURCHASE_NOT_REFUNDABLE", "purchase " + purchaseId + " is not paid");
        }
        boolean paidAhead = now.isBefore(payment.periodStart());
        Instant end = paidAhead ? payment.periodStart() : now;
        m = paidAhead
                ? m.shortenedTo(end, purchases.paidEndingAt(m.memberId(), end).orElse(null))
                : m.ended(PaidMembership.Status.REFUNDED, end, purchaseId);
        purchases.voidOpen(m.memberId());
        memberships.save(m, now);
        events.publish(new MembershipRefunded(
                m.memberId(),
                p.planCode(),
                purchaseId,
                refundId,
                bu,
                refundFen,
                RevenueSplit.of(refundFen, purchases.revenueSplitOf(purchaseId)),
                end,
                m.version(),
                payment.periodStart()));
        return new RefundReceipt(refundId, purchaseId, refundFen, end);
    }
}
