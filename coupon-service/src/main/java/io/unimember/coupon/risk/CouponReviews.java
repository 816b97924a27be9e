package io.unimember.coupon.risk;

import io.unimember.common.events.RiskReviewDecided;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.common.risk.Checkpoint;
import io.unimember.coupon.budgets.SubsidyPools;
import io.unimember.coupon.coupons.Coupon;
import io.unimember.coupon.coupons.CouponStatus;
import io.unimember.coupon.coupons.Coupons;
import io.unimember.coupon.issuing.Issuer;
import io.unimember.coupon.templates.Templates;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an operator's decision on a parked action does here. A claim's or reward's coupon approved becomes AVAILABLE
 * and is announced ({@code coupon.issued}) only now; rejected, it is REJECTED and its stock and face value go back to
 * the template and the funding BU's pool of the month it was issued in (the member's per-template count stays
 * taken). A parked exchange carries on or fails. Each is a guarded update, so a decision applied twice acts once.
 */
@Service
class CouponReviews {

    private final Coupons coupons;
    private final Templates templates;
    private final SubsidyPools pools;
    private final ReviewedExchanges exchanges;
    private final EventPublisher events;

    CouponReviews(
            Coupons coupons,
            Templates templates,
            SubsidyPools pools,
            ReviewedExchanges exchanges,
            EventPublisher events) {
        this.coupons = coupons;
        this.templates = templates;
        this.pools = pools;
        this.exchanges = exchanges;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void apply(RiskReviewDecided decided) {
        if (Checkpoint.EXCHANGE.name().equals(decided.checkpoint())) {
            String prefix = "exchange:" + decided.memberId() + ":";
            if (decided.subjectRef().startsWith(prefix)) {
                exchanges.reviewed(
                        decided.memberId(), decided.subjectRef().substring(prefix.length()), decided.approved());
            }
            return;
        }
        Optional<Coupon> found = coupons.find(decided.subjectRef());
        if (found.isEmpty() || found.get().status() != CouponStatus.PENDING_REVIEW) {
            return;
        }
        Coupon coupon = found.get();
        if (!coupons.decidePending(coupon.id(), decided.approved())) {
            return;
        }
        if (decided.approved()) {
            events.publish(Issuer.issued(coupon));
            return;
        }
        long face = coupon.terms().faceValueFen();
        templates.giveBackOne(coupon.templateId(), face);
        pools.giveBack(coupon.fundingBu(), coupon.issuedAt(), face);
    }
}
