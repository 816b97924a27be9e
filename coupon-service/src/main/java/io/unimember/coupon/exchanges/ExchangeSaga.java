package io.unimember.coupon.exchanges;

import io.unimember.common.events.CouponExchangeRequested;
import io.unimember.common.events.CouponExchangeSettled;
import io.unimember.common.events.CouponRevoked;
import io.unimember.common.events.PointsHeld;
import io.unimember.common.events.PointsHoldRefused;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.common.risk.RiskDecision;
import io.unimember.common.risk.RiskOutcome;
import io.unimember.coupon.coupons.Channel;
import io.unimember.coupon.coupons.Coupons;
import io.unimember.coupon.issuing.IssueOutcome;
import io.unimember.coupon.issuing.Issuer;
import io.unimember.coupon.risk.CouponRisk;
import io.unimember.coupon.risk.ReviewedExchanges;
import io.unimember.coupon.support.Times;
import io.unimember.coupon.templates.Template;
import io.unimember.coupon.templates.Templates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coupon side of an exchange, every step one transaction with the event that moves it on: the request and
 * {@code coupon.exchange_requested}; on {@code points.held} the coupon issued and {@code coupon.exchange_settled
 * confirm} (or, if the issue is refused, the refusal and {@code settled} release); on {@code points.hold_refused} the
 * failure. A step that crashes leaves its event unapplied, so it is applied again; a step applied again finds the
 * exchange moved on and does nothing. Nothing is left half-done: the coupon and the confirmation commit together.
 */
@Service
class ExchangeSaga implements ReviewedExchanges {

    private static final Logger log = LoggerFactory.getLogger(ExchangeSaga.class);

    private final Exchanges exchanges;
    private final CouponRisk risk;
    private final Templates templates;
    private final Issuer issuer;
    private final Coupons coupons;
    private final EventPublisher events;
    private final ExchangeProperties properties;
    private final Clock clock;

    ExchangeSaga(
            Exchanges exchanges,
            Templates templates,
            Issuer issuer,
            Coupons coupons,
            EventPublisher events,
            ExchangeProperties properties,
            CouponRisk risk,
            Clock clock) {
        this.exchanges = exchanges;
        this.risk = risk;
        this.templates = templates;
        this.issuer = issuer;
        this.coupons = coupons;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Records the exchange and asks for the hold, or parks it when risk control said REVIEW; the exchange as it stands
     * if the member used the id before. The decision is recorded with it.
     */
    @Transactional
    Exchange request(String memberId, String exchangeId, Template template, long points, RiskDecision decision) {
        Instant now = Times.now(clock);
        boolean parked = decision.outcome() == RiskOutcome.REVIEW;
        var exchange = new Exchange(
                memberId,
                exchangeId,
                template.id(),
                points,
                template.fundingBu(),
                parked ? ExchangeStatus.PENDING_REVIEW : ExchangeStatus.REQUESTED,
                null,
                null,
                now);
        if (!exchanges.insert(exchange)) {
            return exchanges.find(memberId, exchangeId).orElseThrow();
        }
        risk.record(decision, memberId, exchange.sourceRef());
        if (!parked) {
            askForHold(exchange, now);
        }
        return exchange;
    }

    /**
     * An operator decided a parked exchange: approved, it is REQUESTED now and asks for its hold; rejected, it FAILED
     * with RISK_REJECTED. No point had moved. A decision applied again finds it moved on and does nothing.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void reviewed(String memberId, String exchangeId, boolean approved) {
        Instant now = Times.now(clock);
        Optional<Exchange> found = exchanges.lock(memberId, exchangeId);
        if (found.isEmpty() || found.get().status() != ExchangeStatus.PENDING_REVIEW) {
            return;
        }
        Exchange e = found.get();
        if (!approved) {
            exchanges.leaveReview(e, ExchangeStatus.FAILED, "RISK_REJECTED", now);
            return;
        }
        exchanges.leaveReview(e, ExchangeStatus.REQUESTED, null, now);
        askForHold(e, now);
    }

    private void askForHold(Exchange e, Instant now) {
        events.publish(new CouponExchangeRequested(
                e.memberId(), e.exchangeId(), e.holdId(), e.templateId(), e.fundingBu(), e.points(), now));
    }

    /** The points are held: issue the coupon and confirm the hold, or release it if the coupon cannot be issued. */
    @Transactional(propagation = Propagation.MANDATORY)
    void onHeld(PointsHeld held) {
        Optional<Exchange> found = exchangeOf(held.memberId(), held.orderRef());
        if (found.isEmpty()) {
            return;
        }
        Exchange e = found.get();
        Instant now = Times.now(clock);
        if (e.status() != ExchangeStatus.REQUESTED) {
            if (e.status() == ExchangeStatus.FAILED) {
                settle(e, false, null, e.reason(), now); // it gave up before the hold came: let the points go
            }
            return;
        }
        String refusal = null;
        String couponId = null;
        Optional<Template> template = templates.findForIssuing(e.templateId());
        if (template.isEmpty()) {
            refusal = "TEMPLATE_NOT_FOUND";
        } else if (held.expiresAt().isBefore(now.plus(properties.holdMargin()))) {
            refusal = "HOLD_EXPIRED"; // too little time left for the confirmation to arrive before the hold lapses
        } else if (held.points() != e.points() || !held.bu().equals(e.fundingBu())) {
            refusal = "HOLD_MISMATCH";
        } else {
            switch (issuer.issue(template.get(), e.memberId(), Channel.EXCHANGE, e.sourceRef())) {
                case IssueOutcome.Issued issued -> couponId = issued.coupon().id();
                case IssueOutcome.Refused refused ->
                    refusal = refused.reason().toException().code();
            }
        }
        exchanges.resolve(e, couponId != null ? ExchangeStatus.ISSUED : ExchangeStatus.FAILED, refusal, couponId, now);
        settle(e, couponId != null, couponId, refusal, now);
    }

    /** points-service would not hold the points, or let the hold lapse before its confirmation. */
    @Transactional(propagation = Propagation.MANDATORY)
    void onRefused(PointsHoldRefused refused) {
        Optional<Exchange> found = exchangeOf(refused.memberId(), refused.orderRef());
        if (found.isEmpty()) {
            return;
        }
        Exchange e = found.get();
        Instant now = Times.now(clock);
        if (e.status() == ExchangeStatus.REQUESTED) {
            exchanges.resolve(e, ExchangeStatus.FAILED, refused.reason(), null, now);
        } else if (e.status() == ExchangeStatus.ISSUED && e.couponId() != null) {
            // the hold lapsed before the confirmation arrived: no coupon without its points
            boolean revoked = coupons.revoke(e.couponId(), now);
            exchanges.unpaid(e, refused.reason(), now);
            log.warn(
                    "exchange {} of {}: the points hold lapsed after the coupon was issued; coupon {} {}",
                    e.exchangeId(),
                    e.memberId(),
                    e.couponId(),
                    revoked ? "revoked" : "already used, kept");
            if (revoked) {
                events.publish(new CouponRevoked(
                        e.memberId(),
                        e.couponId(),
                        e.templateId(),
                        e.fundingBu(),
                        refused.orderRef(),
                        e.exchangeId(),
                        "EXCHANGE_UNPAID",
                        now));
            }
        }
    }

    /** Gives up on an exchange whose hold never came: it fails, and a hold that comes later is released. */
    @Transactional
    boolean giveUp(Exchange stale) {
        Instant now = Times.now(clock);
        Optional<Exchange> locked = exchanges.lock(stale.memberId(), stale.exchangeId());
        if (locked.isEmpty() || locked.get().status() != ExchangeStatus.REQUESTED) {
            return false;
        }
        exchanges.resolve(locked.get(), ExchangeStatus.FAILED, "TIMED_OUT", null, now);
        settle(locked.get(), false, null, "TIMED_OUT", now);
        return true;
    }

    Duration giveUpAfter() {
        return properties.giveUpAfter();
    }

    private Optional<Exchange> exchangeOf(String memberId, String orderRef) {
        if (!orderRef.startsWith(CouponExchangeRequested.ORDER_REF_PREFIX)) {
            return Optional.empty();
        }
        return exchanges.lock(memberId, orderRef.substring(CouponExchangeRequested.ORDER_REF_PREFIX.length()));
    }

    private void settle(Exchange e, boolean confirm, @Nullable String couponId, @Nullable String reason, Instant now) {
        events.publish(new CouponExchangeSettled(
                e.memberId(), e.exchangeId(), e.holdId(), e.fundingBu(), confirm, couponId, reason, now));
    }
}
