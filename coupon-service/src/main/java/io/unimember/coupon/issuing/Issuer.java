package io.unimember.coupon.issuing;

import io.unimember.common.events.CouponIssued;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.coupon.coupons.Channel;
import io.unimember.coupon.coupons.Coupon;
import io.unimember.coupon.coupons.CouponCodes;
import io.unimember.coupon.coupons.CouponStatus;
import io.unimember.coupon.coupons.Coupons;
import io.unimember.coupon.issuing.IssueOutcome.Issued;
import io.unimember.coupon.issuing.IssueOutcome.Refused;
import io.unimember.coupon.support.Times;
import io.unimember.coupon.templates.Template;
import io.unimember.coupon.templates.Templates;
import io.unimember.coupon.terms.Terms;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues one coupon, for every channel (claim, grant, reward, allotment), inside the caller's transaction. The
 * per-member limit and then the template's stock and budget are taken by guarded updates; a refusal leaves nothing
 * behind, so a caller may record it and commit. The coupon and its {@code coupon.issued} event are written only
 * after both guards passed, so the event exists if and only if the coupon does.
 */
@Component
public class Issuer {

    private final Templates templates;
    private final Coupons coupons;
    private final MemberLimits limits;
    private final StockGate gate;
    private final EventPublisher events;
    private final Clock clock;

    Issuer(
            Templates templates,
            Coupons coupons,
            MemberLimits limits,
            StockGate gate,
            EventPublisher events,
            Clock clock) {
        this.templates = templates;
        this.coupons = coupons;
        this.limits = limits;
        this.gate = gate;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Prepares, outside any transaction, what a later {@link #issue} of this template to this member will update.
     * Optional (issue works without it) but it spares concurrent first claims of one member a deadlock retry.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void prepare(String memberId, String templateId) {
        limits.prepare(memberId, templateId);
    }

    /**
     * @param sourceRef what issues the coupon, unique across all coupons (a claim key, a grant id, a rule and member,
     *     an allotment month and index): a second issue for the same source fails on the unique key
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public IssueOutcome issue(Template template, String memberId, Channel channel, String sourceRef) {
        Instant now = Times.now(clock);
        Optional<Refusal> known = gate.knownRefusal(template.id());
        if (known.isPresent()) {
            return new Refused(known.get());
        }
        if (template.isOverAt(now)) {
            gate.remember(template.id(), Refusal.TEMPLATE_EXPIRED);
            return new Refused(Refusal.TEMPLATE_EXPIRED);
        }
        if (!limits.take(memberId, template.id(), template.perMemberLimit())) {
            return new Refused(Refusal.LIMIT_REACHED);
        }
        if (!templates.takeOne(template.id(), now)) {
            limits.giveBack(memberId, template.id());
            Refusal why = whyNothingLeft(template.id(), now);
            gate.remember(template.id(), why);
            return new Refused(why);
        }
        Coupon coupon = new Coupon(
                UUID.randomUUID().toString(),
                template.id(),
                memberId,
                CouponCodes.next(),
                CouponStatus.AVAILABLE,
                channel,
                now,
                template.usableFromFor(now),
                template.expiresAtFor(now),
                template.name(),
                template.terms(),
                template.fundingBu(),
                null);
        coupons.insert(coupon, sourceRef);
        events.publish(issued(coupon));
        return new Issued(coupon);
    }

    private Refusal whyNothingLeft(String templateId, Instant now) {
        Template current = templates.find(templateId).orElseThrow();
        if (current.isOverAt(now)) {
            return Refusal.TEMPLATE_EXPIRED;
        }
        return current.issued() >= current.totalQuantity() ? Refusal.SOLD_OUT : Refusal.BUDGET_EXHAUSTED;
    }

    private static CouponIssued issued(Coupon c) {
        Terms t = c.terms();
        return new CouponIssued(
                c.memberId(),
                c.id(),
                c.templateId(),
                c.name(),
                t.kind().name(),
                t.faceValueFen(),
                t.percentOff(),
                t.maxDiscountFen(),
                t.minSpendFen(),
                t.scenes(),
                c.fundingBu(),
                c.channel().name(),
                c.issuedAt(),
                c.expiresAt());
    }
}
