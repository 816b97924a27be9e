package io.unimember.coupon.issuing;

import io.unimember.common.events.CouponIssued;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.coupon.budgets.SubsidyPools;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues coupons, for every channel (claim, grant, reward, allotment), inside the caller's transaction. The
 * per-member limit and the template's stock and budget are taken by guarded updates; the coupon and its {@code
 * coupon.issued} event commit only if both passed, so the event exists if and only if the coupon does. The funding BU's
 * subsidy pool for the month is drawn before the stock, on every path, so their row locks come in one order. Known final
 * refusals (sold out, budget spent) come from the Redis gate without touching the template row.
 */
@Component
public class Issuer {

    private final Templates templates;
    private final Coupons coupons;
    private final MemberLimits limits;
    private final StockGate gate;
    private final SubsidyPools pools;
    private final EventPublisher events;
    private final Clock clock;

    Issuer(
            Templates templates,
            Coupons coupons,
            MemberLimits limits,
            StockGate gate,
            SubsidyPools pools,
            EventPublisher events,
            Clock clock) {
        this.templates = templates;
        this.coupons = coupons;
        this.limits = limits;
        this.gate = gate;
        this.pools = pools;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What Redis remembers MySQL decided for good about the template (sold out, budget spent, window closed), if
     * anything; empty when it does not know or is unreachable. Lets a caller turn a storm's late claimers away before
     * they queue for the template.
     */
    Optional<Refusal> knownRefusal(String templateId) {
        return gate.knownRefusal(templateId);
    }

    /**
     * One coupon to issue: to whom, the source that issues it (unique across all coupons), and whether risk control
     * parked it (issued PENDING_REVIEW, announced only when approved).
     */
    public record Request(String memberId, String sourceRef, boolean pending) {

        public Request(String memberId, String sourceRef) {
            this(memberId, sourceRef, false);
        }
    }

    /**
     * Issues one coupon or says why not, leaving nothing behind on a refusal, so the caller may record it and commit
     * (a reward rule, the allotment). The stock is taken before the coupon is written.
     *
     * @param sourceRef what issues the coupon, unique across all coupons (a claim key, a grant id, a rule and member,
     *     an allotment month and index): a second issue for the same source fails on the unique key
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public IssueOutcome issue(Template template, String memberId, Channel channel, String sourceRef) {
        return issueAll(template, channel, List.of(new Request(memberId, sourceRef)))
                .getFirst();
    }

    /**
     * {@link #issue} for a batch of coupons of one template, with a handful of statements however many: the members'
     * limits taken together, the stock in one guarded update when a shard has it all, the coupons in one insert.
     * Outcomes are in the requests' order; the ones the stock ran out for come last, as if issued one by one.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<IssueOutcome> issueAll(Template template, Channel channel, List<Request> requests) {
        Instant now = Times.now(clock);
        Refusal early = templateRefusal(template, now);
        if (early != null) {
            return requests.stream().<IssueOutcome>map(r -> new Refused(early)).toList();
        }
        boolean[] allowed = limits.takeAll(
                template.id(),
                template.perMemberLimit(),
                requests.stream().map(Request::memberId).toList());
        int wanted = 0;
        for (boolean a : allowed) {
            wanted += a ? 1 : 0;
        }
        long face = template.terms().faceValueFen();
        int funded = pools.draw(template.fundingBu(), now, face, wanted);
        int left = templates.take(template, funded);
        boolean stockRanOut = left < funded;
        if (stockRanOut) {
            pools.giveBack(template.fundingBu(), now, face * (funded - left));
        }
        List<IssueOutcome> outcomes = new ArrayList<>(requests.size());
        List<Coupon> issued = new ArrayList<>(left);
        List<String> sources = new ArrayList<>(left);
        Refusal nothingLeft = stockRanOut ? whyNothingLeft(template) : Refusal.POOL_EXHAUSTED;
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            if (!allowed[i]) {
                outcomes.add(new Refused(Refusal.LIMIT_REACHED));
            } else if (left-- > 0) {
                Coupon coupon = newCoupon(template, request.memberId(), channel, now, request.pending());
                issued.add(coupon);
                sources.add(request.sourceRef());
                outcomes.add(new Issued(coupon));
            } else {
                limits.giveBack(request.memberId(), template.id());
                outcomes.add(new Refused(nothingLeft));
            }
        }
        if (stockRanOut) {
            gate.remember(template.id(), nothingLeft);
        }
        if (!issued.isEmpty()) {
            coupons.insertAll(issued, sources);
            issued.stream().filter(c -> c.status() == CouponStatus.AVAILABLE).forEach(c -> events.publish(issued(c)));
        }
        return outcomes;
    }

    /**
     * Issues one coupon or throws the refusal, which rolls the caller's transaction back (a claim, a grant). Knowing
     * the transaction will not commit on a refusal, it writes the coupon and its event first and takes the stock
     * last, so the template's row lock, which serialises every issuer of the template, is held only for the stock
     * update and the commit.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Coupon issueOrThrow(Template template, String memberId, Channel channel, String sourceRef) {
        return issueOrThrow(template, memberId, channel, sourceRef, false);
    }

    /** {@link #issueOrThrow}, parked for risk review when {@code pending}: PENDING_REVIEW, announced on approval. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Coupon issueOrThrow(Template template, String memberId, Channel channel, String sourceRef, boolean pending) {
        Instant now = Times.now(clock);
        Refusal early = earlyRefusal(template, memberId, now);
        if (early != null) {
            throw early.toException();
        }
        if (pools.draw(template.fundingBu(), now, template.terms().faceValueFen(), 1) == 0) {
            throw Refusal.POOL_EXHAUSTED.toException();
        }
        Coupon coupon = newCoupon(template, memberId, channel, now, pending);
        coupons.insert(coupon, sourceRef);
        if (!pending) {
            events.publish(issued(coupon));
        }
        if (!templates.takeOne(template)) {
            Refusal why = whyNothingLeft(template);
            gate.remember(template.id(), why);
            throw why.toException();
        }
        return coupon;
    }

    private @Nullable Refusal earlyRefusal(Template template, String memberId, Instant now) {
        Refusal refusal = templateRefusal(template, now);
        if (refusal != null) {
            return refusal;
        }
        if (!limits.take(memberId, template.id(), template.perMemberLimit())) {
            return Refusal.LIMIT_REACHED;
        }
        return null;
    }

    /** What turns every issue of the template away now: what the gate knows, or its window having closed. */
    private @Nullable Refusal templateRefusal(Template template, Instant now) {
        Optional<Refusal> known = gate.knownRefusal(template.id());
        if (known.isPresent()) {
            return known.get();
        }
        if (template.isOverAt(now)) {
            gate.remember(template.id(), Refusal.TEMPLATE_EXPIRED);
            return Refusal.TEMPLATE_EXPIRED;
        }
        return null;
    }

    private static Coupon newCoupon(Template template, String memberId, Channel channel, Instant now, boolean pending) {
        return new Coupon(
                UUID.randomUUID().toString(),
                template.id(),
                memberId,
                CouponCodes.next(),
                pending ? CouponStatus.PENDING_REVIEW : CouponStatus.AVAILABLE,
                channel,
                now,
                template.usableFromFor(now),
                template.expiresAtFor(now),
                template.name(),
                template.terms(),
                template.fundingBu(),
                null,
                null);
    }

    /** Whichever of quantity and budget allows fewer coupons is the one that ran out. */
    private static Refusal whyNothingLeft(Template template) {
        return template.quantityBound() ? Refusal.SOLD_OUT : Refusal.BUDGET_EXHAUSTED;
    }

    /** The {@code coupon.issued} of a coupon: at issue, or when a parked one is approved. */
    public static CouponIssued issued(Coupon c) {
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
